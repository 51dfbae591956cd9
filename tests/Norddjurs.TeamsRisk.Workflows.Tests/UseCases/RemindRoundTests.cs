using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.FollowUp;
using Norddjurs.TeamsRisk.Workflows.Rounds;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

/// <summary>
/// The coordinator's reminder of a round (2 March 2026, deadline 1 April): Alex has submitted OMS-01, Carl has not
/// opened ØKO-02. A reminder is the follow-up job's owner reminder, sent once per request key, audited, and refused —
/// changing nothing — to anyone but the coordinator, for a submitted owner and for a finished round.
/// </summary>
public sealed class RemindRoundTests : IDisposable
{
    private readonly World _world = new();

    private RemindRound Remind => new(_world.Services);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Reminding_all_reaches_only_the_owner_who_has_not_submitted_with_an_audit_entry()
    {
        var (roundId, _, carls) = await SubmittedRoundAsync();
        var outboxBefore = _world.Outbox().Count;

        var sent = Assert.IsType<Outcome<RemindersSent>.Done>(await Remind.HandleAsync(_world.As(World.Coordinator), roundId, new RemindInput(), World.Ct)).Value;

        Assert.Equal((roundId, 1), (sent.RoundId, sent.Owners));
        Assert.Equal([carls], sent.AssessmentIds);
        var reminder = Assert.Single(_world.Outbox().Skip(outboxBefore));
        Assert.Equal((NotificationTemplates.OwnerReminder, NotificationTarget.User(World.OtherOwner)), (reminder.Template, reminder.To));
        Assert.Equal((carls, "ØKO-02", "2026-04-01"), (reminder.Data["assessmentId"], reminder.Data["systemId"], reminder.Data["deadline"]));
        var audit = Assert.Single(await _world.PendingAuditAsync(), a => a.Action == AuditAction.ReminderSent);
        Assert.Equal((World.Coordinator, "assessment", carls, roundId), (audit.Actor.ObjectId, audit.Subject.Type, audit.Subject.Id, audit.Context!.RoundId));
        Assert.Equal("owner-reminder", (string?)audit.Computed!["reason"]);
    }

    [Fact]
    public async Task The_reminder_is_the_follow_up_jobs_owner_reminder_template_recipient_and_data()
    {
        var (roundId, _, carls) = await SubmittedRoundAsync();
        await Remind.HandleAsync(_world.As(World.Coordinator), roundId, new RemindInput([carls]), World.Ct);
        var manual = _world.Outbox()[^1];

        _world.Time.SetUtcNow(new DateTimeOffset(2026, 3, 25, 8, 0, 0, TimeSpan.Zero));
        await new SendDueNotices(_world.Services).RunAsync(new DueNoticeLimits(), World.Ct);
        var automatic = Assert.Single(_world.Outbox(), n => n.Template == NotificationTemplates.OwnerReminder && n.Data["noticeKey"] != manual.Data["noticeKey"] && n.Data["assessmentId"] == carls);

        Assert.Equal((automatic.Template, automatic.Kind, automatic.To), (manual.Template, manual.Kind, manual.To));
        Assert.Equal(automatic.Data.Keys.Order(StringComparer.Ordinal), manual.Data.Keys.Order(StringComparer.Ordinal));
        Assert.All(automatic.Data.Where(d => d.Key != "noticeKey"), d => Assert.Equal(d.Value, manual.Data[d.Key]));
    }

    [Fact]
    public async Task A_retried_request_reminds_nobody_twice_and_a_new_request_reminds_again()
    {
        var (roundId, _, _) = await SubmittedRoundAsync();
        var request = _world.As(World.Coordinator);
        var outboxBefore = _world.Outbox().Count;

        var first = Assert.IsType<Outcome<RemindersSent>.Done>(await Remind.HandleAsync(request, roundId, new RemindInput(), World.Ct));
        var again = Assert.IsType<Outcome<RemindersSent>.Done>(await Remind.HandleAsync(request, roundId, new RemindInput(), World.Ct));

        Assert.True(again.Replayed);
        Assert.Equal(first.Value.AssessmentIds, again.Value.AssessmentIds);
        Assert.Equal(outboxBefore + 1, _world.Outbox().Count);
        Assert.Single(await _world.PendingAuditAsync(), a => a.Action == AuditAction.ReminderSent);

        Assert.True((await Remind.HandleAsync(_world.As(World.Coordinator), roundId, new RemindInput(), World.Ct)).IsDone);
        Assert.Equal(outboxBefore + 2, _world.Outbox().Count);
    }

    [Fact]
    public async Task A_chosen_owner_who_has_submitted_is_refused_by_name_and_nobody_is_reminded()
    {
        var (roundId, alexs, carls) = await SubmittedRoundAsync();
        var before = await SnapshotAsync();

        var refused = Assert.IsType<Outcome<RemindersSent>.Rejected>(await Remind.HandleAsync(_world.As(World.Coordinator), roundId, new RemindInput([carls, alexs, "nope"]), World.Ct));

        Assert.Equal(
            [DomainError.Of("round.reminder_already_submitted", ("system", World.HomeCare)), DomainError.Of("round.reminder_not_in_round", ("assessment", "nope"))],
            refused.Errors);
        Assert.Equal("Systemejeren for OMS-01 har allerede indsendt vurderingen og skal ikke mindes om den.", refused.Errors[0].Message(Core.Language.Danish));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_finished_round_is_refused_and_a_cancelled_owner_is_not_reminded()
    {
        var (roundId, _, carls) = await SubmittedRoundAsync();
        Assert.True((await new CancelAssessment(_world.Services).HandleAsync(_world.As(World.Coordinator), carls, "Systemet udfases", World.Ct)).IsDone);
        var before = await SnapshotAsync();

        var all = Assert.IsType<Outcome<RemindersSent>.Rejected>(await Remind.HandleAsync(_world.As(World.Coordinator), roundId, new RemindInput(), World.Ct));
        var chosen = Assert.IsType<Outcome<RemindersSent>.Rejected>(await Remind.HandleAsync(_world.As(World.Coordinator), roundId, new RemindInput([carls]), World.Ct));

        Assert.Equal(["round.finished"], all.Errors.Select(e => e.Code));
        Assert.Equal(["round.finished"], chosen.Errors.Select(e => e.Code));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData(World.Owner)]
    [InlineData(World.Committee)]
    [InlineData(World.Auditor)]
    [InlineData(World.Director)]
    public async Task Only_the_coordinator_reminds(string who)
    {
        var (roundId, _, _) = await SubmittedRoundAsync();
        var before = await SnapshotAsync();

        var refused = Assert.IsType<Outcome<RemindersSent>.Forbidden>(await Remind.HandleAsync(_world.As(who), roundId, new RemindInput(), World.Ct));

        Assert.Equal("workflow.role_missing", refused.Error.Code);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task An_unknown_round_is_not_found()
    {
        await SubmittedRoundAsync();
        Assert.IsType<Outcome<RemindersSent>.NotFound>(await Remind.HandleAsync(_world.As(World.Coordinator), "round-0000", new RemindInput(), World.Ct));
    }

    /// <summary>The round of <see cref="Walk.SubmittedAsync"/>: Alex's OMS-01 submitted, Carl's ØKO-02 invited.</summary>
    private async Task<(string RoundId, string Alexs, string Carls)> SubmittedRoundAsync()
    {
        var alexs = await Walk.SubmittedAsync(_world);
        var roundId = (await _world.AssessmentAsync(alexs)).Assessment.RoundId!;
        var carls = $"{roundId}:ØKO-02";
        Assert.Equal(World.OtherOwner, (await _world.AssessmentAsync(carls)).OwnerObjectId);
        return (roundId, alexs, carls);
    }

    private async Task<(int Outbox, int Audit)> SnapshotAsync() => (_world.Outbox().Count, (await _world.PendingAuditAsync()).Count);
}
