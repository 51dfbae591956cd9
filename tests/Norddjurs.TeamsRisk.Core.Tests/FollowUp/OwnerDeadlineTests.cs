using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.FollowUp;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Dates;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Given;

namespace Norddjurs.TeamsRisk.Core.Tests.FollowUp;

public sealed class OwnerDeadlineTests
{
    [Fact]
    public void The_owner_has_30_calendar_days_from_the_invitation_across_a_short_February() =>
        Assert.Equal(Day("2026-03-02"), OwnerDeadline.For(Assessment(AssessmentState.Invited, invitedOn: "2026-01-31"), NkMethod.Deadlines));

    [Theory]
    [InlineData("2026-02-22", new string[0])]
    [InlineData("2026-02-23", new[] { "OwnerReminder before-7d" })]
    [InlineData("2026-02-28", new[] { "OwnerReminder before-7d" })]
    [InlineData("2026-03-01", new[] { "OwnerReminder before-1d" })]
    [InlineData("2026-03-02", new[] { "OwnerReminder before-1d" })]
    [InlineData("2026-03-03", new string[0])]
    [InlineData("2026-03-06", new string[0])]
    [InlineData("2026-03-07", new[] { "OwnerOverdueEscalation after-5d" })]
    [InlineData("2026-06-30", new[] { "OwnerOverdueEscalation after-5d" })]
    public void The_owner_is_reminded_7_and_1_days_before_and_the_manager_told_5_days_after_the_deadline(string today, string[] expected) =>
        Assert.Equal(expected, Described(OwnerDeadline.Due(Assessment(AssessmentState.InProgress, invitedOn: "2026-01-31"), NkMethod, Day(today))));

    [Fact]
    public void Reminders_go_to_the_system_owner_and_the_escalation_to_the_area_manager()
    {
        var assessment = Assessment(AssessmentState.Invited, invitedOn: "2026-01-31");
        var reminder = Assert.Single(OwnerDeadline.Due(assessment, NkMethod, Day("2026-02-23")));
        Assert.Equal(NoticeRecipient.ForRole(Role.SystemOwner), reminder.Recipient);
        Assert.Equal(new NoticeSubject(NoticeSubjectType.Assessment, "A-1"), reminder.Subject);
        Assert.Equal("S-1", reminder.SystemId);
        Assert.Equal((Day("2026-02-23"), Day("2026-03-02")), (reminder.DueOn, reminder.Deadline));

        var escalation = Assert.Single(OwnerDeadline.Due(assessment, NkMethod, Day("2026-03-07")));
        Assert.Equal(NoticeRecipient.ForRole(Role.AreaManager), escalation.Recipient);
        Assert.Equal((Day("2026-03-07"), Day("2026-03-02")), (escalation.DueOn, escalation.Deadline));
    }

    [Fact]
    public void A_round_deadline_sets_the_window_and_the_reminders_count_back_from_it()
    {
        // Invited 31 January into a round due 20 February: not the invitation's 30 days (2 March).
        var inRound = Assessment(AssessmentState.Invited, invitedOn: "2026-01-31") with { Deadline = Day("2026-02-20") };

        Assert.Equal(Day("2026-02-20"), OwnerDeadline.For(inRound, NkMethod.Deadlines));
        Assert.Empty(OwnerDeadline.Due(inRound, NkMethod, Day("2026-02-12")));
        Assert.Equal("owner-reminder:assessment:A-1:2026-02-20:before-7d", Assert.Single(OwnerDeadline.Due(inRound, NkMethod, Day("2026-02-13"))).Key);
        Assert.Equal(["OwnerReminder before-1d"], Described(OwnerDeadline.Due(inRound, NkMethod, Day("2026-02-19"))));
        Assert.Equal(["OwnerOverdueEscalation after-5d"], Described(OwnerDeadline.Due(inRound, NkMethod, Day("2026-02-25"))));
    }

    [Fact]
    public void A_return_after_a_round_deadline_still_gives_the_owner_a_new_window()
    {
        var returned = Assessment(AssessmentState.Returned, invitedOn: "2026-01-31", returnedOn: "2026-03-20") with { Deadline = Day("2026-02-20") };
        Assert.Equal(Day("2026-04-19"), OwnerDeadline.For(returned, NkMethod.Deadlines));
    }

    [Fact]
    public void A_returned_assessment_gives_the_owner_a_new_window_from_the_return()
    {
        var returned = Assessment(AssessmentState.Returned, invitedOn: "2026-01-31", returnedOn: "2026-03-20", submittedOn: "2026-02-27");
        Assert.Equal(Day("2026-04-19"), OwnerDeadline.For(returned, NkMethod.Deadlines));
        Assert.Empty(OwnerDeadline.Due(returned, NkMethod, Day("2026-04-11")));

        var reminder = Assert.Single(OwnerDeadline.Due(returned, NkMethod, Day("2026-04-12")));
        Assert.Equal("owner-reminder:assessment:A-1:2026-04-19:before-7d", reminder.Key);

        // Reopened after the return, the same window holds.
        Assert.Equal(Day("2026-04-19"), OwnerDeadline.For(returned with { State = AssessmentState.InProgress }, NkMethod.Deadlines));
    }

    [Theory]
    [InlineData(AssessmentState.Submitted)]
    [InlineData(AssessmentState.Approved)]
    [InlineData(AssessmentState.Escalated)]
    [InlineData(AssessmentState.Decided)]
    [InlineData(AssessmentState.Cancelled)]
    [InlineData(AssessmentState.Superseded)]
    public void Nothing_is_due_to_or_about_the_owner_once_the_assessment_has_left_the_owner(AssessmentState state)
    {
        var assessment = Assessment(state, invitedOn: "2026-01-31", submittedOn: "2026-02-20");
        Assert.Empty(OwnerDeadline.Due(assessment, NkMethod, Day("2026-03-01")));
        Assert.Empty(OwnerDeadline.Due(assessment, NkMethod, Day("2026-03-07")));
    }

    [Fact]
    public void A_reminder_that_would_fall_before_the_invitation_is_not_sent()
    {
        var shortWindow = NkMethod with { Deadlines = NkMethod.Deadlines with { OwnerAssessmentDays = 5 } };
        var assessment = Assessment(AssessmentState.Invited, invitedOn: "2026-03-02");
        Assert.Empty(OwnerDeadline.Due(assessment, shortWindow, Day("2026-03-05")));
        Assert.Equal(["OwnerReminder before-1d"], Described(OwnerDeadline.Due(assessment, shortWindow, Day("2026-03-06"))));
    }

    [Fact]
    public void The_window_and_its_reminders_follow_the_methods_deadlines()
    {
        var method = NkMethod with { Deadlines = NkMethod.Deadlines with { OwnerAssessmentDays = 20, OwnerReminderDaysBefore = [3], OwnerOverdueEscalateAfterDays = 2 } };
        var assessment = Assessment(AssessmentState.Invited, invitedOn: "2026-03-02");
        Assert.Equal(["OwnerReminder before-3d"], Described(OwnerDeadline.Due(assessment, method, Day("2026-03-19"))));
        Assert.Equal(["OwnerOverdueEscalation after-2d"], Described(OwnerDeadline.Due(assessment, method, Day("2026-03-24"))));
    }
}
