using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Deciding;
using Norddjurs.TeamsRisk.Workflows.FollowUp;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using Norddjurs.TeamsRisk.Workflows.Rounds;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

/// <summary>
/// The follow-up job over simulated months (design.md §7, risk-method.md §3.4) with the default method: owner window
/// 30 days, reminders 7 and 1 day before, the manager told 5 days after; committee 15 and area manager 10 working
/// days; measure reminder 14 days before, overdue to the area manager at once and the committee after 30 days.
/// </summary>
public sealed class DueNoticeTests : IDisposable
{
    private readonly World _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task The_owner_is_reminded_before_the_deadline_and_the_area_manager_told_after_it_each_once()
    {
        var id = await Walk.InvitedAsync(_world); // 2 March 2026: the window closes on 1 April
        var days = new FollowUpDays(_world);

        await days.RunUntilAsync(new DateOnly(2026, 4, 30), runsPerDay: 3);

        var reminders = days.About(id, NotificationTemplates.OwnerReminder);
        Assert.Equal([new DateOnly(2026, 3, 25), new DateOnly(2026, 3, 31)], reminders.Select(n => n.On));
        Assert.All(reminders, n => Assert.Equal(NotificationTarget.User(World.Owner), n.To));
        Assert.All(reminders, n => Assert.Equal("2026-04-01", n.Data["deadline"]));
        var overdue = Assert.Single(days.About(id, NotificationTemplates.OwnerOverdue));
        Assert.Equal((new DateOnly(2026, 4, 6), NotificationTarget.User(World.AreaManager)), (overdue.On, overdue.To));
        Assert.Equal(days.Sent.Count, days.Sent.Select(n => n.Key).Distinct().Count());
    }

    [Fact]
    public async Task The_owner_is_reminded_before_the_rounds_deadline_not_30_days_from_the_invitation()
    {
        await Walk.ImportAsync(_world);
        var round = await new StartRound(_world.Services).HandleAsync(_world.As(World.Coordinator), new RoundInput("Kort runde", new DateOnly(2026, 3, 20)), World.Ct);
        var id = Assert.IsType<Outcome<RoundStarted>.Done>(round).Value.AssessmentIds.Single(a => a.EndsWith(":" + World.HomeCare, StringComparison.Ordinal));
        var invitation = Assert.Single(_world.Outbox(), n => n.Template == NotificationTemplates.Invited && n.Data["assessmentId"] == id);
        Assert.Equal(("2026-03-20", "Omsorgssystem"), (invitation.Data["deadline"], invitation.Data["systemName"]));
        var days = new FollowUpDays(_world);

        await days.RunUntilAsync(new DateOnly(2026, 4, 10));

        Assert.Equal([new DateOnly(2026, 3, 13), new DateOnly(2026, 3, 19)], days.About(id, NotificationTemplates.OwnerReminder).Select(n => n.On));
        Assert.Equal(new DateOnly(2026, 3, 25), Assert.Single(days.About(id, NotificationTemplates.OwnerOverdue)).On);
    }

    [Fact]
    public async Task Committee_and_decision_deadlines_count_Danish_working_days_and_measures_are_followed_up()
    {
        _world.Time.Advance(TimeSpan.FromDays(18)); // Friday 20 March 2026
        var id = await Walk.SubmittedAsync(_world);
        var days = new FollowUpDays(_world);

        // 15 working days from 20 March skip Skærtorsdag, Langfredag and 2. påskedag: the limit ends 15 April.
        await days.RunUntilAsync(new DateOnly(2026, 5, 3), runsPerDay: 2);
        var review = Assert.Single(days.About(id, NotificationTemplates.CommitteeReviewOverdue));
        Assert.Equal((new DateOnly(2026, 4, 16), NotificationTarget.ForRole("committee"), "2026-04-15"), (review.On, review.To, review.Data["deadline"]));

        // Approved Monday 4 May: 10 working days skip Kristi himmelfartsdag (14 May), so the limit ends 19 May.
        var approve = new ApproveAssessment(_world.Services);
        Assert.True((await approve.HandleAsync(_world.As(World.Committee), id, Walk.Recommendations(await _world.AssessmentAsync(id)), World.Ct)).IsDone);
        await days.RunUntilAsync(new DateOnly(2026, 7, 31));

        var decisions = days.About(id, NotificationTemplates.DecisionOverdue);
        Assert.Equal(2, decisions.Count);
        Assert.All(decisions, n => Assert.Equal((new DateOnly(2026, 5, 20), NotificationTarget.User(World.AreaManager)), (n.On, n.To)));

        // Both measures are due 20 June: reminded 6 June, overdue to the area manager 21 June, to the committee 20 July.
        var reminders = days.About(id, NotificationTemplates.MeasureReminder);
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, n => Assert.Equal((new DateOnly(2026, 6, 6), NotificationTarget.User(World.Owner)), (n.On, n.To)));
        Assert.All(reminders, n => Assert.False(string.IsNullOrEmpty(n.Data["measure"])));
        var overdue = days.About(id, NotificationTemplates.MeasureOverdue);
        Assert.Equal(4, overdue.Count);
        Assert.Equal(2, overdue.Count(n => n.On == new DateOnly(2026, 6, 21) && n.To == NotificationTarget.User(World.AreaManager)));
        Assert.Equal(2, overdue.Count(n => n.On == new DateOnly(2026, 7, 20) && n.To == NotificationTarget.ForRole("committee")));
        Assert.Equal(days.Sent.Count, days.Sent.Select(n => n.Key).Distinct().Count());
    }

    [Fact]
    public async Task An_expired_acceptance_goes_to_the_coordinator_once_and_the_reassessment_it_starts_holds_off_the_12_month_rule()
    {
        var id = await Walk.SubmittedAsync(_world);
        Assert.True((await new ApproveAssessment(_world.Services).HandleAsync(_world.As(World.Committee), id, Walk.Recommendations(await _world.AssessmentAsync(id)), World.Ct)).IsDone);
        var acceptedUntil = _world.Today.AddMonths(3);
        foreach (var escalation in await _world.Store.LoadAllAsync<Escalation>(DocumentKinds.Escalation, "assessmentId", id, World.Ct))
        {
            var accept = new EscalationDecisionInput(EscalationDecisionKind.Accept, "Accepteres til udskiftning", acceptedUntil);
            Assert.True((await new DecideEscalation(_world.Services).HandleAsync(_world.As(World.AreaManager), escalation.Value.Id, accept, World.Ct)).IsDone);
        }

        var approvedOn = _world.Today;
        var days = new FollowUpDays(_world);
        await days.RunUntilAsync(approvedOn.AddMonths(12).AddDays(3));

        var expired = days.About(id, NotificationTemplates.AcceptanceExpired);
        Assert.Equal(2, expired.Count);
        Assert.All(expired, n => Assert.Equal((acceptedUntil, NoticeRecipients.Coordinator), (n.On, n.To)));
        Assert.All(expired, n => Assert.NotNull(n.Data["reassessmentId"]));

        // The expiry started a reassessment, still open a year on (the owner never opened it): no second one is due.
        Assert.DoesNotContain(days.Sent, n => n.Template == NotificationTemplates.ReassessmentDue && n.Data["systemId"] == World.HomeCare);
        var audit = await _world.PendingAuditAsync();
        Assert.Equal(2, audit.Count(a => a.Action == AuditAction.AcceptanceExpired && a.Channel == AuditChannel.Scheduler));
        Assert.Equal(2, audit.Count(a => a.Action == AuditAction.ReassessmentTriggered && a.Channel == AuditChannel.Scheduler));
        Assert.DoesNotContain(audit, a => a.Action == AuditAction.ReminderSent && a.Subject == new AuditSubject("system", World.HomeCare));
        Assert.Equal(days.Sent.Count, audit.Count(a => a.Computed?["noticeKey"] is not null));
    }

    [Fact]
    public async Task Two_instances_on_one_store_send_each_notice_once_and_a_restart_sends_nothing_again()
    {
        var id = await Walk.InvitedAsync(_world);
        var days = new FollowUpDays(_world);

        UseCaseServices[] instances = [_world.AnotherInstance(), _world.AnotherInstance()];
        await days.RunUntilAsync(new DateOnly(2026, 4, 9), runsPerDay: 2, instances);
        await days.RunTodayAsync(2, instances);

        Assert.Equal(2, days.About(id, NotificationTemplates.OwnerReminder).Count);
        Assert.Single(days.About(id, NotificationTemplates.OwnerOverdue));
        Assert.Equal(days.Sent.Count, days.Sent.Select(n => n.Key).Distinct().Count());

        // A restart: a new instance on the same file, the same day, finds everything already sent.
        var restarted = await new SendDueNotices(_world.AnotherInstance()).RunAsync(new DueNoticeLimits(), World.Ct);
        Assert.Equal(0, restarted.Sent);
        Assert.True(restarted.AlreadySent > 0);
    }

    [Fact]
    public async Task A_run_sends_at_most_its_limit_and_the_next_run_sends_the_rest()
    {
        await Walk.InvitedAsync(_world);
        _world.Time.Advance(TimeSpan.FromDays(40)); // every invited assessment is past its window

        var first = await new SendDueNotices(_world.Services).RunAsync(new DueNoticeLimits(MaxPerRun: 1), World.Ct);
        var second = await new SendDueNotices(_world.Services).RunAsync(new DueNoticeLimits(MaxPerRun: 100), World.Ct);

        Assert.Equal(1, first.Sent);
        Assert.True(first.Deferred > 0);
        Assert.Equal((first.Deferred, 0), (second.Sent, second.Deferred));
    }

    [Fact]
    public async Task A_notice_first_due_longer_ago_than_the_lookback_is_not_sent()
    {
        var id = await Walk.InvitedAsync(_world);
        _world.Time.Advance(TimeSpan.FromDays(60)); // the overdue notice was due 6 April, 25 days ago

        await new SendDueNotices(_world.Services).RunAsync(new DueNoticeLimits(LookbackDays: 7), World.Ct);

        Assert.DoesNotContain(_world.Outbox(), n => n.Template == NotificationTemplates.OwnerOverdue && n.Data.GetValueOrDefault("assessmentId") == id);
    }

    [Fact]
    public async Task Records_keep_the_days_the_rules_count_from()
    {
        _world.Time.Advance(TimeSpan.FromDays(1));
        var id = await Walk.SubmittedAsync(_world);

        var dates = (await _world.AssessmentAsync(id)).Dates;

        Assert.Equal(new AssessmentDates(InvitedOn: new DateOnly(2026, 3, 3), SubmittedOn: new DateOnly(2026, 3, 3)), dates);
    }
}
