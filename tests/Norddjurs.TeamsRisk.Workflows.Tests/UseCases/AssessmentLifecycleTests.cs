using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Deciding;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

/// <summary>design.md §3 end to end on SQLite: every transition writes state, audit intents and outbox rows as one change.</summary>
public sealed class AssessmentLifecycleTests : IDisposable
{
    private readonly World _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task The_owner_opens_walks_and_submits_and_the_snapshot_measures_and_committee_message_are_stored_together()
    {
        var id = await Walk.AtSummaryAsync(_world);
        var auditBefore = (await _world.PendingAuditAsync()).Count;

        var submitted = await new SubmitAssessment(_world.Services).HandleAsync(_world.As(World.Owner), id, World.Ct);

        Assert.Equal(AssessmentState.Submitted, Assert.IsType<Outcome<AssessmentChanged>.Done>(submitted).Value.State);
        var record = await _world.AssessmentAsync(id);
        var snapshot = (await _world.Store.LoadAsync<SnapshotRecord>(DocumentKinds.Snapshot, record.SnapshotId!, World.Ct))!.Value;
        Assert.Equal(Core.Json.CanonicalJson.Sha256Hex(snapshot.Document), snapshot.Sha256);
        var measures = await _world.Store.LoadAllAsync<TrackedMeasure>(DocumentKinds.Measure, "assessmentId", id, World.Ct);
        Assert.Equal(["backup", "net"], measures.Select(m => m.Value.Id[(id.Length + 1)..]).Order());
        Assert.All(measures, m => Assert.Equal(MeasureStatus.Planlagt, m.Value.Status));
        Assert.Contains(_world.Outbox(), n => n.Template == NotificationTemplates.Submitted && n.To.Role == "committee");
        var audit = (await _world.PendingAuditAsync()).Skip(auditBefore).Select(a => a.Action).ToList();
        Assert.Equal([AuditAction.AssessmentSubmitted, AuditAction.MeasureCreated, AuditAction.MeasureCreated], audit);
    }

    [Fact]
    public async Task Every_saved_step_is_an_audit_entry_by_the_owner_in_the_bot_or_tab_channel()
    {
        var id = await Walk.AtSummaryAsync(_world);
        var steps = (await _world.PendingAuditAsync()).Where(a => a.Subject.Id == id).Select(a => a.Action).ToList();
        Assert.Equal(
            [AuditAction.AssessmentInvited, AuditAction.AssessmentOpened, AuditAction.FactsConfirmed, AuditAction.ProfileSet, AuditAction.EventSelected,
             AuditAction.RiskScored, AuditAction.RiskScored, AuditAction.RiskScored, AuditAction.TreatmentProposed, AuditAction.TreatmentProposed, AuditAction.TreatmentProposed],
            steps);
        Assert.Equal(FlowStepKind.Summary, (await _world.AssessmentAsync(id)).Flow.Step.Kind);

        // The entry carries the answer and what the engine computed from it.
        var network = (await _world.PendingAuditAsync()).First(a => a.Action == AuditAction.RiskScored && a.Computed!["eventId"]!.GetValue<string>() == Walk.Network);
        Assert.Equal(3, network.Inputs!["Likelihood"]!.GetValue<int>());
        Assert.Equal((network.Computed!["likelihood"]!.GetValue<int>() * network.Computed["consequence"]!.GetValue<int>()), network.Computed["points"]!.GetValue<int>());
        Assert.Equal("A", network.Computed["decidingDimension"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retried_submit_answers_as_the_first_time_and_applies_nothing_twice()
    {
        var id = await Walk.AtSummaryAsync(_world);
        var request = _world.As(World.Owner);
        var submit = new SubmitAssessment(_world.Services);
        await submit.HandleAsync(request, id, World.Ct);
        var audit = (await _world.PendingAuditAsync()).Count;
        var outbox = _world.Outbox().Count;

        var retry = Assert.IsType<Outcome<AssessmentChanged>.Done>(await submit.HandleAsync(request, id, World.Ct));

        Assert.True(retry.Replayed);
        Assert.Equal(new AssessmentChanged(id, AssessmentState.Submitted), retry.Value);
        Assert.Equal(audit, (await _world.PendingAuditAsync()).Count);
        Assert.Equal(outbox, _world.Outbox().Count);
        Assert.IsType<Outcome<AssessmentChanged>.Rejected>(await submit.HandleAsync(_world.As(World.Owner), id, World.Ct));
    }

    [Fact]
    public async Task An_incomplete_assessment_is_not_submitted_and_nothing_changes()
    {
        var id = await Walk.InvitedAsync(_world);
        await new OpenAssessment(_world.Services).HandleAsync(_world.As(World.Owner), id, World.Ct);
        var version = (await _world.Store.GetAsync(DocumentKinds.Assessment, id, World.Ct))!.Version;

        var refused = Assert.IsType<Outcome<AssessmentChanged>.Rejected>(await new SubmitAssessment(_world.Services).HandleAsync(_world.As(World.Owner), id, World.Ct));

        Assert.Contains(refused.Errors, e => e.Code == "assessment.facts_not_confirmed");
        Assert.Equal(version, (await _world.Store.GetAsync(DocumentKinds.Assessment, id, World.Ct))!.Version);
        Assert.Empty(await _world.Store.LoadAllAsync<SnapshotRecord>(DocumentKinds.Snapshot, "assessmentId", id, World.Ct));
    }

    [Fact]
    public async Task The_committee_returns_with_a_comment_the_owner_is_told_and_resubmits_without_tracking_twice()
    {
        var id = await Walk.SubmittedAsync(_world);
        var returnIt = new ReturnAssessment(_world.Services);
        Assert.Equal("workflow.comment_required",
            Assert.IsType<Outcome<AssessmentChanged>.Rejected>(await returnIt.HandleAsync(_world.As(World.Committee), id, " ", World.Ct)).Errors.Single().Code);

        Assert.True((await returnIt.HandleAsync(_world.As(World.Committee), id, "Uddyb netværksrisikoen", World.Ct)).IsDone);
        Assert.Equal((AssessmentState.Returned, "Uddyb netværksrisikoen"), ((await _world.AssessmentAsync(id)).State, (await _world.AssessmentAsync(id)).ReturnComment));
        Assert.Contains(_world.Outbox(), n => n.Template == NotificationTemplates.Returned && n.To.UserObjectId == World.Owner);

        Assert.True((await new OpenAssessment(_world.Services).HandleAsync(_world.As(World.Owner), id, World.Ct)).IsDone);
        var resubmitted = await new SubmitAssessment(_world.Services).HandleAsync(_world.As(World.Owner), id, World.Ct);
        Assert.True(resubmitted.IsDone, resubmitted.ToString());
        Assert.Equal(2, (await _world.Store.LoadAllAsync<TrackedMeasure>(DocumentKinds.Measure, "assessmentId", id, World.Ct)).Count);
        var snapshots = await _world.Store.LoadAllAsync<SnapshotRecord>(DocumentKinds.Snapshot, "assessmentId", id, World.Ct);
        Assert.Equal([$"{id}@1", $"{id}@2"], snapshots.Select(s => s.Document.Id));
        Assert.Equal(1, snapshots[0].Document.Version);
    }

    [Fact]
    public async Task Approval_needs_recommendations_then_escalates_each_hoej_line_to_the_area_manager_at_once()
    {
        var id = await Walk.SubmittedAsync(_world);
        var approve = new ApproveAssessment(_world.Services);
        var refused = Assert.IsType<Outcome<AssessmentChanged>.Rejected>(await approve.HandleAsync(_world.As(World.Committee), id, new Dictionary<string, string>(), World.Ct));
        Assert.All(refused.Errors, e => Assert.Equal("workflow.recommendation_missing", e.Code));
        Assert.Equal(AssessmentState.Submitted, (await _world.AssessmentAsync(id)).State);

        var record = await _world.AssessmentAsync(id);
        var approved = Assert.IsType<Outcome<AssessmentChanged>.Done>(await approve.HandleAsync(_world.As(World.Committee), id, Walk.Recommendations(record), World.Ct));

        Assert.Equal(AssessmentState.Escalated, approved.Value.State);
        var escalations = await _world.Store.LoadAllAsync<Escalation>(DocumentKinds.Escalation, "assessmentId", id, World.Ct);
        Assert.Equal(record.Assessment.Lines.Count(l => !l.Score.WithinAppetite), escalations.Count);
        Assert.All(escalations, e => Assert.Equal((Role.AreaManager, EscalationState.Pending), (e.Value.Authority, e.Value.State)));
        Assert.Equal(escalations.Count, _world.Outbox().Count(n => n.Template == NotificationTemplates.EscalationPending && n.To.UserObjectId == World.AreaManager));
        var actions = (await _world.PendingAuditAsync()).Select(a => a.Action).ToList();
        Assert.Contains(AuditAction.AssessmentApproved, actions);
        Assert.Equal(escalations.Count, actions.Count(a => a == AuditAction.Escalated));
        Assert.Equal(escalations.Count, actions.Count(a => a == AuditAction.RecommendationAdded));
    }

    [Fact]
    public async Task Only_the_area_manager_or_higher_decides_and_the_last_decision_makes_the_assessment_decided()
    {
        var id = await Walk.SubmittedAsync(_world);
        await new ApproveAssessment(_world.Services).HandleAsync(_world.As(World.Committee), id, Walk.Recommendations(await _world.AssessmentAsync(id)), World.Ct);
        var escalations = await _world.Store.LoadAllAsync<Escalation>(DocumentKinds.Escalation, "assessmentId", id, World.Ct);
        var decide = new DecideEscalation(_world.Services);
        var endorse = new EscalationDecisionInput(EscalationDecisionKind.EndorseMeasures);

        Assert.IsType<Outcome<EscalationDecided>.Forbidden>(await decide.HandleAsync(_world.As(World.Owner), escalations[0].Value.Id, endorse, World.Ct));
        Assert.IsType<Outcome<EscalationDecided>.Forbidden>(await decide.HandleAsync(_world.As(World.Committee), escalations[0].Value.Id, endorse, World.Ct));
        Assert.IsType<Outcome<EscalationDecided>.NotFound>(await decide.HandleAsync(_world.As(World.Stranger), escalations[0].Value.Id, endorse, World.Ct));

        var first = Assert.IsType<Outcome<EscalationDecided>.Done>(await decide.HandleAsync(_world.As(World.AreaManager), escalations[0].Value.Id, endorse, World.Ct));
        Assert.Equal(escalations.Count == 1 ? AssessmentState.Decided : AssessmentState.Escalated, first.Value.AssessmentState);
        foreach (var escalation in escalations.Skip(1))
        {
            var accept = new EscalationDecisionInput(EscalationDecisionKind.Accept, "Accepteres til udskiftning", _world.Today.AddMonths(6));
            Assert.True((await decide.HandleAsync(_world.As(World.Director), escalation.Value.Id, accept, World.Ct)).IsDone);
        }

        Assert.Equal(AssessmentState.Decided, (await _world.AssessmentAsync(id)).State);
        var measures = await _world.Store.LoadAllAsync<TrackedMeasure>(DocumentKinds.Measure, "assessmentId", id, World.Ct);
        Assert.Contains(measures, m => m.Value.EventId == escalations[0].Value.EventId && m.Value.Binding);
        Assert.Contains(AuditAction.AssessmentDecided, (await _world.PendingAuditAsync()).Select(a => a.Action));
        Assert.Equal("escalation.already_decided",
            Assert.IsType<Outcome<EscalationDecided>.Rejected>(await decide.HandleAsync(_world.As(World.Director), escalations[0].Value.Id, endorse, World.Ct)).Errors.Single().Code);
    }

    [Fact]
    public async Task A_newer_decided_assessment_supersedes_the_earlier_one_in_the_same_change()
    {
        var first = await DecidedAsync();
        _world.Time.Advance(TimeSpan.FromDays(40));
        var round = await new Rounds.StartRound(_world.Services).HandleAsync(_world.As(World.Coordinator), new Rounds.RoundInput("Runde 2027", _world.Today.AddDays(30), [World.HomeCare]), World.Ct);
        var second = Assert.IsType<Outcome<Rounds.RoundStarted>.Done>(round).Value.AssessmentIds.Single();
        await WalkAndSubmit(second);
        await new ApproveAssessment(_world.Services).HandleAsync(_world.As(World.Committee), second, Walk.Recommendations(await _world.AssessmentAsync(second)), World.Ct);
        foreach (var escalation in await _world.Store.LoadAllAsync<Escalation>(DocumentKinds.Escalation, "assessmentId", second, World.Ct))
        {
            await new DecideEscalation(_world.Services).HandleAsync(_world.As(World.AreaManager), escalation.Value.Id, new EscalationDecisionInput(EscalationDecisionKind.EndorseMeasures), World.Ct);
        }

        Assert.Equal(AssessmentState.Decided, (await _world.AssessmentAsync(second)).State);
        Assert.Equal(AssessmentState.Superseded, (await _world.AssessmentAsync(first)).State);
        Assert.Contains(await _world.PendingAuditAsync(), a => a.Action == AuditAction.AssessmentSuperseded && a.Subject.Id == first);
    }

    [Fact]
    public async Task The_coordinator_cancels_with_a_reason_and_a_submitted_assessment_cannot_be_cancelled()
    {
        var id = await Walk.InvitedAsync(_world);
        var cancel = new CancelAssessment(_world.Services);
        Assert.IsType<Outcome<AssessmentChanged>.Forbidden>(await cancel.HandleAsync(_world.As(World.Owner), id, "nej", World.Ct));
        Assert.Equal("workflow.reason_required", Assert.IsType<Outcome<AssessmentChanged>.Rejected>(await cancel.HandleAsync(_world.As(World.Coordinator), id, "", World.Ct)).Errors.Single().Code);
        Assert.Equal(AssessmentState.Cancelled, Assert.IsType<Outcome<AssessmentChanged>.Done>(await cancel.HandleAsync(_world.As(World.Coordinator), id, "Systemet udfases", World.Ct)).Value.State);
        Assert.Contains(_world.Outbox(), n => n.Template == NotificationTemplates.Cancelled && n.Data["reason"] == "Systemet udfases");

        using var other = new World();
        var submitted = await Walk.SubmittedAsync(other);
        Assert.Equal("workflow.transition_forbidden",
            Assert.IsType<Outcome<AssessmentChanged>.Rejected>(await new CancelAssessment(other.Services).HandleAsync(other.As(World.Coordinator), submitted, "For sent", World.Ct)).Errors.Single().Code);
    }

    private async Task<string> DecidedAsync()
    {
        var id = await Walk.SubmittedAsync(_world);
        await new ApproveAssessment(_world.Services).HandleAsync(_world.As(World.Committee), id, Walk.Recommendations(await _world.AssessmentAsync(id)), World.Ct);
        foreach (var escalation in await _world.Store.LoadAllAsync<Escalation>(DocumentKinds.Escalation, "assessmentId", id, World.Ct))
        {
            await new DecideEscalation(_world.Services).HandleAsync(_world.As(World.AreaManager), escalation.Value.Id, new EscalationDecisionInput(EscalationDecisionKind.EndorseMeasures), World.Ct);
        }

        Assert.Equal(AssessmentState.Decided, (await _world.AssessmentAsync(id)).State);
        return id;
    }

    private async Task WalkAndSubmit(string id)
    {
        Assert.True((await new OpenAssessment(_world.Services).HandleAsync(_world.As(World.Owner), id, World.Ct)).IsDone);
        await Walk.StepAsync(_world, id, ((FactsStepView)await _world.ViewAsync(id)).Input);
        await Walk.StepAsync(_world, id, ((ProfileStepView)await _world.ViewAsync(id)).Input);
        var events = (await _world.AssessmentAsync(id)).Assessment.Events;
        await Walk.StepAsync(_world, id, new EventsStepInput([Walk.Network], events.Where(e => e.EventId != Walk.Network).ToDictionary(e => e.EventId, _ => "Uændret")));
        await Walk.StepAsync(_world, id, new ScoreStepInput(Walk.Network, 3, ExpectedOutageHours: 6));
        await Walk.StepAsync(_world, id, new TreatmentStepInput(Walk.Network, Core.Method.TreatmentKind.Reduce, "Reduceres",
            [new MeasureStepInput("net2", "Anden linje", World.Owner, _world.Today.AddMonths(2), 1, 2)]));
        Assert.True((await new SubmitAssessment(_world.Services).HandleAsync(_world.As(World.Owner), id, World.Ct)).IsDone);
    }
}
