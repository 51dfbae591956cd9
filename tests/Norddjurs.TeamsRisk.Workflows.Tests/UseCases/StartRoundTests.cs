using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Rounds;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

public sealed class StartRoundTests : IDisposable
{
    private readonly World _world = new();

    private StartRound Start => new(_world.Services);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_round_invites_every_active_system_and_tells_each_owner()
    {
        await Walk.ImportAsync(_world);

        var started = Assert.IsType<Outcome<RoundStarted>.Done>(await Start.HandleAsync(_world.As(World.Coordinator), new RoundInput("Runde 2026", _world.Today.AddDays(30)), World.Ct)).Value;

        // PLADS-03 is planned, not active: not part of the round.
        Assert.Equal(2, started.AssessmentIds.Count);
        var homeCare = await _world.AssessmentAsync(started.AssessmentIds.Single(id => id.EndsWith(":OMS-01", StringComparison.Ordinal)));
        Assert.Equal((AssessmentState.Invited, World.Owner, _world.Today.AddDays(30)), (homeCare.State, homeCare.OwnerObjectId, homeCare.Deadline));
        Assert.Equal(Testing.Examples.Method.Sha256, homeCare.Assessment.Method.Sha256);
        var invitations = _world.Outbox().Where(n => n.Template == NotificationTemplates.Invited).ToList();
        Assert.Equal(2, invitations.Count);
        Assert.Contains(invitations, n => n.To.UserObjectId == World.Owner && n.Data["systemId"] == "OMS-01");
        var audit = await _world.PendingAuditAsync();
        Assert.Single(audit, a => a.Action == AuditAction.RoundStarted);
        Assert.Equal(2, audit.Count(a => a.Action == AuditAction.AssessmentInvited));
    }

    [Fact]
    public async Task A_system_with_an_open_assessment_is_skipped_in_the_next_round_with_the_reason()
    {
        await Walk.InvitedAsync(_world);

        var second = Assert.IsType<Outcome<RoundStarted>.Done>(await Start.HandleAsync(_world.As(World.Coordinator), new RoundInput("Ekstra", _world.Today.AddDays(10)), World.Ct)).Value;

        Assert.Empty(second.AssessmentIds);
        Assert.All(second.Skipped, s => Assert.Equal("workflow.open_assessment_exists", s.Code));
    }

    [Fact]
    public async Task A_named_planned_system_is_skipped_as_inactive_and_an_unknown_one_refuses_the_round()
    {
        await Walk.ImportAsync(_world);
        var planned = Assert.IsType<Outcome<RoundStarted>.Done>(await Start.HandleAsync(_world.As(World.Coordinator), new RoundInput("R", _world.Today.AddDays(5), ["plads-03"]), World.Ct)).Value;
        Assert.Equal([new SkippedSystem("PLADS-03", "workflow.system_inactive")], planned.Skipped);

        var unknown = Assert.IsType<Outcome<RoundStarted>.Rejected>(await Start.HandleAsync(_world.As(World.Coordinator), new RoundInput("R", _world.Today.AddDays(5), ["NOPE"]), World.Ct));
        Assert.Equal("round.unknown_system", unknown.Errors.Single().Code);
    }

    [Fact]
    public async Task A_round_needs_a_name_and_a_future_deadline_and_changes_nothing_otherwise()
    {
        await Walk.ImportAsync(_world);
        var auditBefore = (await _world.PendingAuditAsync()).Count;

        var refused = Assert.IsType<Outcome<RoundStarted>.Rejected>(await Start.HandleAsync(_world.As(World.Coordinator), new RoundInput(" ", _world.Today), World.Ct));

        Assert.Equal(["round.name_required", "round.deadline_not_future"], refused.Errors.Select(e => e.Code));
        Assert.Equal(auditBefore, (await _world.PendingAuditAsync()).Count);
        Assert.Empty(_world.Outbox());
    }

    [Fact]
    public async Task Only_the_coordinator_starts_a_round()
    {
        await Walk.ImportAsync(_world);
        var refused = await Start.HandleAsync(_world.As(World.Owner), new RoundInput("R", _world.Today.AddDays(5)), World.Ct);
        Assert.IsType<Outcome<RoundStarted>.Forbidden>(refused);
    }

    [Fact]
    public async Task A_replayed_start_answers_the_same_round_and_invites_nobody_twice()
    {
        await Walk.ImportAsync(_world);
        var request = _world.As(World.Coordinator);
        var first = Assert.IsType<Outcome<RoundStarted>.Done>(await Start.HandleAsync(request, new RoundInput("R", _world.Today.AddDays(5)), World.Ct));
        var again = Assert.IsType<Outcome<RoundStarted>.Done>(await Start.HandleAsync(request, new RoundInput("R", _world.Today.AddDays(5)), World.Ct));

        Assert.True(again.Replayed);
        Assert.Equal(first.Value.RoundId, again.Value.RoundId);
        Assert.Equal(first.Value.AssessmentIds, again.Value.AssessmentIds);
        Assert.Equal(2, _world.Outbox().Count);
    }
}
