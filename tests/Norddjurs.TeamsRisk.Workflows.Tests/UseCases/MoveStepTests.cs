using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

/// <summary>Back and jump are stored (bot and tab continue where the owner is) without an audit entry.</summary>
public sealed class MoveStepTests
{
    [Fact]
    public async Task Back_is_stored_without_an_audit_entry()
    {
        using var world = new World();
        var id = await Walk.InvitedAsync(world);
        Assert.True((await new OpenAssessment(world.Services).HandleAsync(world.As(World.Owner), id, World.Ct)).IsDone);
        await Walk.StepAsync(world, id, ((FactsStepView)await world.ViewAsync(id)).Input);
        var auditBefore = (await world.PendingAuditAsync()).Count;

        var moved = await new MoveStep(world.Services).HandleAsync(world.As(World.Owner), id, new FlowMove.Back(), World.Ct);

        Assert.Equal(FlowStep.Facts, Assert.IsType<Outcome<StepSaved>.Done>(moved).Value.Step);
        Assert.Equal(FlowStep.Facts, (await world.AssessmentAsync(id)).Flow.Step);
        Assert.Equal(auditBefore, (await world.PendingAuditAsync()).Count);
    }

    [Fact]
    public async Task A_jump_from_the_summary_is_stored_and_next_returns_there()
    {
        using var world = new World();
        var id = await Walk.AtSummaryAsync(world);

        var moved = await new MoveStep(world.Services).HandleAsync(world.As(World.Owner), id, new FlowMove.JumpTo(FlowStep.Score(Walk.Power)), World.Ct);
        Assert.True(moved.IsDone);
        var record = await world.AssessmentAsync(id);
        Assert.Equal(FlowStep.Score(Walk.Power), record.Flow.Step);
        Assert.True(record.Flow.FromSummary);

        await Walk.StepAsync(world, id, ((ScoreStepView)await world.ViewAsync(id)).Input);
        Assert.Equal(FlowStep.Summary, (await world.AssessmentAsync(id)).Flow.Step);
    }

    [Fact]
    public async Task A_jump_from_another_step_is_refused_and_nothing_changes()
    {
        using var world = new World();
        var id = await Walk.InvitedAsync(world);
        Assert.True((await new OpenAssessment(world.Services).HandleAsync(world.As(World.Owner), id, World.Ct)).IsDone);

        var refused = await new MoveStep(world.Services).HandleAsync(world.As(World.Owner), id, new FlowMove.JumpTo(FlowStep.Events), World.Ct);

        Assert.IsType<Outcome<StepSaved>.Rejected>(refused);
        Assert.Equal(FlowStep.Facts, (await world.AssessmentAsync(id)).Flow.Step);
    }

    [Fact]
    public async Task Someone_without_a_role_for_the_system_finds_nothing_and_the_committee_may_not_move()
    {
        using var world = new World();
        var id = await Walk.InvitedAsync(world);

        Assert.IsType<Outcome<StepSaved>.NotFound>(await new MoveStep(world.Services).HandleAsync(world.As(World.Stranger), id, new FlowMove.Back(), World.Ct));
        var forbidden = Assert.IsType<Outcome<StepSaved>.Forbidden>(await new MoveStep(world.Services).HandleAsync(world.As(World.Committee), id, new FlowMove.Back(), World.Ct));
        Assert.Equal(WorkflowErrorCodes.RoleMissing, forbidden.Error.Code);
    }

    [Fact]
    public async Task A_submitted_assessment_cannot_be_moved()
    {
        using var world = new World();
        var id = await Walk.SubmittedAsync(world);

        var refused = await new MoveStep(world.Services).HandleAsync(world.As(World.Owner), id, new FlowMove.Back(), World.Ct);

        Assert.Equal(AssessmentErrorCodes.NotEditable, Assert.IsType<Outcome<StepSaved>.Rejected>(refused).Errors.Single().Code);
    }
}
