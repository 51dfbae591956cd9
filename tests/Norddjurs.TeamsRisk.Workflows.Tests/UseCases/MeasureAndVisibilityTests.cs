using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.FollowUp;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

/// <summary>Who may see and change what (design.md §4): another owner's assessment is not found, a missing role is forbidden.</summary>
public sealed class MeasureAndVisibilityTests : IDisposable
{
    private readonly World _world = new();

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData(World.OtherOwner)]
    [InlineData(World.Stranger)]
    public async Task Someone_without_a_role_for_the_system_finds_nothing_and_changes_nothing(string who)
    {
        var id = await Walk.InvitedAsync(_world);
        Assert.IsType<Outcome<AssessmentChanged>.NotFound>(await new OpenAssessment(_world.Services).HandleAsync(_world.As(who), id, World.Ct));
        Assert.IsType<Outcome<StepSaved>.NotFound>(await new SaveStep(_world.Services).HandleAsync(_world.As(who), id, new ProfileStepInput(1, "x", 1, "x"), World.Ct));
        Assert.Equal(AssessmentState.Invited, (await _world.AssessmentAsync(id)).State);
    }

    [Fact]
    public async Task A_user_of_another_tenant_is_nobody_even_with_the_owners_object_id()
    {
        var id = await Walk.InvitedAsync(_world);
        var foreign = new Request(Workflows.Identity.Actor.Of("other-tenant", World.Owner), "k-foreign", AuditChannel.Api);
        Assert.IsType<Outcome<AssessmentChanged>.NotFound>(await new OpenAssessment(_world.Services).HandleAsync(foreign, id, World.Ct));
    }

    [Fact]
    public async Task The_deputy_acts_as_owner()
    {
        var id = await Walk.InvitedAsync(_world);
        Assert.Equal(AssessmentState.InProgress, Assert.IsType<Outcome<AssessmentChanged>.Done>(await new OpenAssessment(_world.Services).HandleAsync(_world.As(World.Deputy), id, World.Ct)).Value.State);
        Assert.Equal(World.Deputy, (await _world.PendingAuditAsync())[^1].Actor.ObjectId);
    }

    [Theory]
    [InlineData(World.Auditor)]
    [InlineData(World.Committee)]
    [InlineData(World.Coordinator)]
    public async Task Roles_that_see_an_assessment_but_may_not_open_it_are_forbidden(string who)
    {
        var id = await Walk.InvitedAsync(_world);
        var refused = Assert.IsType<Outcome<AssessmentChanged>.Forbidden>(await new OpenAssessment(_world.Services).HandleAsync(_world.As(who), id, World.Ct));
        Assert.Equal("workflow.role_missing", refused.Error.Code);
    }

    [Fact]
    public async Task The_auditor_cannot_approve_or_save_a_step()
    {
        var id = await Walk.SubmittedAsync(_world);
        Assert.IsType<Outcome<AssessmentChanged>.Forbidden>(await new ApproveAssessment(_world.Services).HandleAsync(_world.As(World.Auditor), id, Walk.Recommendations(await _world.AssessmentAsync(id)), World.Ct));
        Assert.IsType<Outcome<StepSaved>.Forbidden>(await new SaveStep(_world.Services).HandleAsync(_world.As(World.Auditor), id, new ProfileStepInput(1, "x", 1, "x"), World.Ct));
    }

    [Fact]
    public async Task The_responsible_person_starts_and_completes_a_measure_with_an_effectiveness_note()
    {
        var id = await Walk.SubmittedAsync(_world);
        var measureId = MeasureTracking.IdFor(id, "backup");
        var actions = new MeasureActions(_world.Services);

        Assert.Equal(MeasureStatus.Igangsat, Assert.IsType<Outcome<MeasureChanged>.Done>(await actions.StartAsync(_world.As(World.Owner), measureId, World.Ct)).Value.Status);
        Assert.Equal("measure.effectiveness_note_required",
            Assert.IsType<Outcome<MeasureChanged>.Rejected>(await actions.CompleteAsync(_world.As(World.Owner), measureId, new MeasureCompletion("", 1, 2), World.Ct)).Errors.Single().Code);
        Assert.Equal("measure.residual_out_of_range",
            Assert.IsType<Outcome<MeasureChanged>.Rejected>(await actions.CompleteAsync(_world.As(World.Owner), measureId, new MeasureCompletion("Virker", 5, 2), World.Ct)).Errors.Single().Code);
        Assert.Equal(MeasureStatus.Igangsat, (await _world.Store.LoadAsync<TrackedMeasure>(DocumentKinds.Measure, measureId, World.Ct))!.Value.Status);
        Assert.True((await actions.CompleteAsync(_world.As(World.Owner), measureId, new MeasureCompletion("Gendannelse testet på 3 timer", 1, 3), World.Ct)).IsDone);

        var stored = (await _world.Store.LoadAsync<TrackedMeasure>(DocumentKinds.Measure, measureId, World.Ct))!;
        Assert.Equal((MeasureStatus.Gennemført, "Gendannelse testet på 3 timer"), (stored.Value.Status, stored.Value.EffectivenessNote));
        Assert.Equal(new AchievedResidual(1, 3, 3, "low", true), stored.Value.Residual);
        Assert.Equal("Gennemført", stored.Document.Index["status"]);
        var audited = Assert.Single(await _world.PendingAuditAsync(), a => a.Action == AuditAction.MeasureCompleted && a.Subject.Id == measureId);
        Assert.Equal(("low", 3), ((string?)audited.Computed?["band"], (int?)audited.Computed?["points"]));
    }

    [Fact]
    public async Task A_stranger_finds_no_measure_and_the_auditor_may_not_cancel_one()
    {
        var id = await Walk.SubmittedAsync(_world);
        var measureId = MeasureTracking.IdFor(id, "net");
        var actions = new MeasureActions(_world.Services);
        Assert.IsType<Outcome<MeasureChanged>.NotFound>(await actions.StartAsync(_world.As(World.Stranger), measureId, World.Ct));
        Assert.IsType<Outcome<MeasureChanged>.Forbidden>(await actions.CancelAsync(_world.As(World.Auditor), measureId, "Ikke nødvendig", World.Ct));
        Assert.Equal(MeasureStatus.Annulleret, Assert.IsType<Outcome<MeasureChanged>.Done>(await actions.CancelAsync(_world.As(World.Coordinator), measureId, "Erstattet af fiber", World.Ct)).Value.Status);
    }

    [Fact]
    public async Task A_change_that_loses_a_race_is_a_conflict_and_leaves_the_winner_intact()
    {
        var id = await Walk.InvitedAsync(_world);
        var stale = (await _world.Store.GetAsync(DocumentKinds.Assessment, id, World.Ct))!;
        Assert.True((await new OpenAssessment(_world.Services).HandleAsync(_world.As(World.Owner), id, World.Ct)).IsDone);

        // A second writer that read before the open tries to write its own change on the old version.
        var record = StoreJson.Deserialize<AssessmentRecord>(stale.Json);
        var late = new ChangeSet(_world.As(World.Coordinator), Actors.System, _world.Time.GetUtcNow())
            .Write(DocumentWrite.Update(stale, StoreJson.Serialize(record.WithState(AssessmentState.Cancelled)), record.Index()));
        Assert.IsType<Outcome<AssessmentChanged>.Conflict>(await late.CommitAsync(_world.Store, new AssessmentChanged(id, AssessmentState.Cancelled), World.Ct));
        Assert.Equal(AssessmentState.InProgress, (await _world.AssessmentAsync(id)).State);
    }
}
