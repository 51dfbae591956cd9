using System.Text;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.FollowUp;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Deciding;
using Norddjurs.TeamsRisk.Workflows.FollowUp;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reassessing;
using Norddjurs.TeamsRisk.Workflows.Register;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

/// <summary>
/// Ad-hoc assessments (risk-method.md §2.3): the coordinator names a trigger, and the follow-up job fires
/// acceptanceExpired, measureCompleted, legalChange and the 12-month rule itself — each once, and never a second open
/// assessment of a system: a trigger on a system under assessment is noted on the open one.
/// </summary>
public sealed class ReassessmentTests : IDisposable
{
    private const string Economy = "ØKO-02";
    private readonly World _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task The_coordinator_starts_an_ad_hoc_assessment_and_the_owner_is_invited_as_in_a_round()
    {
        await Walk.ImportAsync(_world);

        var started = Assert.IsType<Outcome<ReassessmentStarted>.Done>(
            await Reassess(World.Coordinator, World.HomeCare, "incident", "Phishing-mail med login til systemet, 14. marts")).Value;

        Assert.True(started.Started);
        var record = await _world.AssessmentAsync(started.AssessmentId);
        Assert.Equal((AssessmentState.Invited, "incident", (string?)null, World.Owner), (record.State, record.Assessment.Trigger, record.Assessment.RoundId, record.OwnerObjectId));
        Assert.Equal(_world.Today.AddDays(30), record.Deadline);
        var invitation = Assert.Single(_world.Outbox(), n => n.Template == NotificationTemplates.Invited);
        Assert.Equal((NotificationTarget.User(World.Owner), started.AssessmentId, "Omsorgssystem", "incident"),
            (invitation.To, invitation.Data["assessmentId"], invitation.Data["systemName"], invitation.Data["trigger"]));
        var audit = await _world.PendingAuditAsync();
        Assert.Contains(audit, a => a.Action == AuditAction.AssessmentInvited && a.Subject.Id == started.AssessmentId);
        var triggered = Assert.Single(audit, a => a.Action == AuditAction.ReassessmentTriggered);
        Assert.Equal(("incident", World.Coordinator), ((string?)triggered.Inputs?["trigger"], triggered.Actor.ObjectId));
    }

    [Fact]
    public async Task A_trigger_on_a_system_with_an_open_assessment_is_noted_on_it_and_starts_no_second_one()
    {
        var open = await Walk.InvitedAsync(_world);

        var noted = Assert.IsType<Outcome<ReassessmentStarted>.Done>(await Reassess(World.Coordinator, World.HomeCare, "majorChange", "Flytter til cloud")).Value;

        Assert.Equal((open, false), (noted.AssessmentId, noted.Started));
        var note = Assert.Single((await _world.AssessmentAsync(open)).Triggers!);
        Assert.Equal(("majorChange", "Flytter til cloud", World.Coordinator), (note.Trigger, note.Note, note.By));
        Assert.Single(await _world.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "systemId", World.HomeCare, World.Ct));
        Assert.Contains(await _world.PendingAuditAsync(), a => a.Action == AuditAction.ReassessmentTriggered && a.Subject.Id == open);
    }

    [Theory]
    [InlineData(World.Owner)]
    [InlineData(World.Committee)]
    [InlineData(World.Auditor)]
    public async Task Only_the_coordinator_starts_one(string who)
    {
        await Walk.ImportAsync(_world);
        Assert.IsType<Outcome<ReassessmentStarted>.Forbidden>(await Reassess(who, World.HomeCare, "incident", "Hændelse"));
        Assert.Empty(await _world.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "systemId", World.HomeCare, World.Ct));
    }

    [Theory]
    [InlineData("cycle", "Hændelse", "reassessment.trigger_unknown")]
    [InlineData("brand", "Hændelse", "reassessment.trigger_unknown")]
    [InlineData("incident", " ", "reassessment.note_required")]
    public async Task An_unknown_trigger_or_a_missing_note_is_refused_and_nothing_starts(string trigger, string note, string code)
    {
        await Walk.ImportAsync(_world);
        var refused = Assert.IsType<Outcome<ReassessmentStarted>.Rejected>(await Reassess(World.Coordinator, World.HomeCare, trigger, note));
        Assert.Equal(code, refused.Errors.Single().Code);
        Assert.Empty(await _world.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "systemId", World.HomeCare, World.Ct));
    }

    [Fact]
    public async Task An_unknown_system_is_not_found() =>
        Assert.IsType<Outcome<ReassessmentStarted>.NotFound>(await Reassess(World.Coordinator, "NOPE-99", "incident", "Hændelse"));

    [Fact]
    public async Task An_expired_acceptance_starts_a_reassessment_once_and_the_second_expiry_is_noted_on_it()
    {
        var id = await DecidedAsync(EscalationDecisionKind.Accept);
        var acceptedUntil = _world.Today.AddMonths(3);
        var days = new FollowUpDays(_world);

        await days.RunUntilAsync(acceptedUntil.AddDays(3), runsPerDay: 2, _world.AnotherInstance(), _world.AnotherInstance());

        var reassessment = Assert.Single(await OpenOfAsync(World.HomeCare));
        Assert.Equal((ReassessmentTriggers.AcceptanceExpired, id, AssessmentState.Invited), (reassessment.Assessment.Trigger, reassessment.Assessment.PreviousAssessmentId, reassessment.State));
        Assert.Equal(ReassessmentTriggers.AcceptanceExpired, Assert.Single(reassessment.Triggers!).Trigger); // the second line's acceptance
        Assert.Single(_world.Outbox(), n => n.Template == NotificationTemplates.Invited && n.Data["assessmentId"] == reassessment.Id);
        var audit = await _world.PendingAuditAsync();
        Assert.Equal(2, audit.Count(a => a.Action == AuditAction.ReassessmentTriggered && a.Channel == AuditChannel.Scheduler));
        Assert.Equal(2, audit.Count(a => a.Action == AuditAction.AcceptanceExpired));
    }

    [Fact]
    public async Task Completing_every_measure_on_a_risk_starts_a_reassessment_to_score_the_residual()
    {
        var id = await DecidedAsync(EscalationDecisionKind.EndorseMeasures);
        var actions = new MeasureActions(_world.Services);
        var backup = MeasureTracking.IdFor(id, "backup");
        Assert.True((await actions.StartAsync(_world.As(World.Owner), backup, World.Ct)).IsDone);
        var days = new FollowUpDays(_world);
        await days.RunTodayAsync(1, _world.Services);
        Assert.Empty(await OpenOfAsync(World.HomeCare)); // started is not done

        _world.Time.Advance(TimeSpan.FromDays(20));
        Assert.True((await actions.CompleteAsync(_world.As(World.Owner), backup, new MeasureCompletion("Gendannelse testet på 3 timer", 1, 3), World.Ct)).IsDone);
        await days.RunUntilAsync(_world.Today.AddDays(5), runsPerDay: 2);

        var reassessment = Assert.Single(await OpenOfAsync(World.HomeCare));
        Assert.Equal((ReassessmentTriggers.MeasureCompleted, id), (reassessment.Assessment.Trigger, reassessment.Assessment.PreviousAssessmentId));
        Assert.Null(reassessment.Triggers); // the network line still has an open measure: it fired nothing
        var notice = Assert.Single(days.Sent, n => n.Template == NotificationTemplates.MeasuresCompleted);
        Assert.Equal((NoticeRecipients.Coordinator, id + ":" + Walk.Ransomware, reassessment.Id), (notice.To, notice.Data["riskLineId"], notice.Data["reassessmentId"]));
    }

    [Fact]
    public async Task A_changed_DPF_status_on_the_record_is_a_legal_change_noted_on_the_open_assessment_once()
    {
        var open = (await Walk.InvitedAsync(_world)).Replace(World.HomeCare, Economy, StringComparison.Ordinal);
        var days = new FollowUpDays(_world);
        await days.RunTodayAsync(1, _world.Services);
        Assert.Null((await _world.AssessmentAsync(open)).Triggers);

        _world.Time.Advance(TimeSpan.FromDays(2));
        var decertified = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(World.Plans()).Replace("dpf;ja;", "dpf;nej;", StringComparison.Ordinal));
        Assert.IsType<Outcome<ImportOutcome>.Done>(await new ImportSystems(_world.Services).ApplyAsync(_world.As(World.Coordinator), decertified, "plans.csv", World.Ct));
        await days.RunUntilAsync(_world.Today.AddDays(4), runsPerDay: 2, _world.Services, _world.AnotherInstance());

        var note = Assert.Single((await _world.AssessmentAsync(open)).Triggers!);
        Assert.Equal(ReassessmentTriggers.LegalChange, note.Trigger);
        Assert.Single(await _world.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "systemId", Economy, World.Ct));
        Assert.Empty((await _world.AssessmentAsync(open.Replace(Economy, World.HomeCare, StringComparison.Ordinal))).Triggers ?? []);
        Assert.Single(days.Sent, n => n.Template == NotificationTemplates.LegalChange && n.Data["systemId"] == Economy);
    }

    [Fact]
    public async Task A_system_without_an_approved_assessment_for_12_months_gets_a_new_one_once_across_two_instances()
    {
        await Walk.ImportAsync(_world);
        var registered = _world.Today;
        _world.Time.Advance(TimeSpan.FromDays(360));
        var days = new FollowUpDays(_world);

        await days.RunUntilAsync(registered.AddMonths(12).AddDays(3), runsPerDay: 2, _world.AnotherInstance(), _world.AnotherInstance());

        var homeCare = Assert.Single(await OpenOfAsync(World.HomeCare));
        Assert.Equal((ReassessmentTriggers.Cycle, registered.AddMonths(12)), (homeCare.Assessment.Trigger, homeCare.Dates!.InvitedOn));
        Assert.Single(await OpenOfAsync(Economy));
        Assert.Equal(2, _world.Outbox().Count(n => n.Template == NotificationTemplates.Invited)); // PLADS-03 is planned, not on the cycle
        Assert.Equal(2, (await _world.PendingAuditAsync()).Count(a => a.Action == AuditAction.ReassessmentTriggered));
    }

    private Task<Outcome<ReassessmentStarted>> Reassess(string who, string systemId, string trigger, string note) =>
        new StartReassessment(_world.Services).HandleAsync(_world.As(who), systemId, new ReassessmentInput(trigger, note), World.Ct);

    private async Task<IReadOnlyList<AssessmentRecord>> OpenOfAsync(string systemId) =>
        [.. (await _world.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "systemId", systemId, World.Ct))
            .Select(a => a.Value).Where(a => !AssessmentTransitions.IsFinal(a.State))];

    /// <summary>Submitted, approved with recommendations, and both Høj lines decided by the area manager.</summary>
    private async Task<string> DecidedAsync(EscalationDecisionKind kind)
    {
        var id = await Walk.SubmittedAsync(_world);
        Assert.True((await new ApproveAssessment(_world.Services).HandleAsync(_world.As(World.Committee), id, Walk.Recommendations(await _world.AssessmentAsync(id)), World.Ct)).IsDone);
        foreach (var escalation in await _world.Store.LoadAllAsync<Escalation>(DocumentKinds.Escalation, "assessmentId", id, World.Ct))
        {
            var decision = kind == EscalationDecisionKind.Accept
                ? new EscalationDecisionInput(kind, "Accepteres til udskiftning", _world.Today.AddMonths(3))
                : new EscalationDecisionInput(kind);
            Assert.True((await new DecideEscalation(_world.Services).HandleAsync(_world.As(World.AreaManager), escalation.Value.Id, decision, World.Ct)).IsDone);
        }

        Assert.Equal(AssessmentState.Decided, (await _world.AssessmentAsync(id)).State);
        return id;
    }
}
