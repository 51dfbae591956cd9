using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.FollowUp;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Dates;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Given;

namespace Norddjurs.TeamsRisk.Core.Tests.FollowUp;

public sealed class DecisionDeadlineTests
{
    [Theory]
    [InlineData(Role.AreaManager, "2026-12-21", "2027-01-07")] // 10 working days across Christmas 2026 and New Year 2027
    [InlineData(Role.AreaManager, "2026-03-27", "2026-04-15")] // 10 working days across Easter 2026
    [InlineData(Role.Directorate, "2026-03-20", "2026-04-22")] // 20 working days across Easter 2026
    [InlineData(Role.Directorate, "2026-12-01", "2026-12-31")] // 20 working days up to New Year's Eve
    public void The_area_manager_has_10_and_the_directorate_20_working_days_from_the_escalation(Role authority, string escalatedOn, string deadline) =>
        Assert.Equal(Day(deadline), DecisionDeadline.For(Escalation("E-1", authority, escalatedOn), NkMethod.Deadlines));

    [Theory]
    [InlineData("2027-01-07", false)]
    [InlineData("2027-01-08", true)]
    [InlineData("2027-02-01", true)]
    public void An_area_manager_decision_is_overdue_on_the_first_working_day_after_its_deadline(string today, bool due)
    {
        var assessment = Assessment(AssessmentState.Escalated, escalations: Escalation("E-1", Role.AreaManager, "2026-12-21"));
        var notices = DecisionDeadline.Due(assessment, NkMethod, Day(today)).ToList();
        Assert.Equal(due, notices.Count == 1);
        if (due)
        {
            var notice = notices[0];
            Assert.Equal(NoticeReason.DecisionOverdue, notice.Reason);
            Assert.Equal(new NoticeSubject(NoticeSubjectType.Escalation, "E-1"), notice.Subject);
            Assert.Equal(NoticeRecipient.ForRole(Role.AreaManager), notice.Recipient);
            Assert.Equal((Day("2027-01-08"), Day("2027-01-07")), (notice.DueOn, notice.Deadline));
        }
    }

    [Fact]
    public void A_directorate_deadline_on_New_Years_Eve_is_chased_after_New_Years_Day_and_the_weekend()
    {
        var assessment = Assessment(AssessmentState.Escalated, escalations: Escalation("E-1", Role.Directorate, "2026-12-01"));
        Assert.Empty(DecisionDeadline.Due(assessment, NkMethod, Day("2027-01-03")));
        var notice = Assert.Single(DecisionDeadline.Due(assessment, NkMethod, Day("2027-01-04")));
        Assert.Equal(NoticeRecipient.ForRole(Role.Directorate), notice.Recipient);
        Assert.Equal(Day("2027-01-04"), notice.DueOn);
    }

    [Fact]
    public void Each_pending_escalation_has_its_own_deadline_and_a_decided_one_none()
    {
        var assessment = Assessment(
            AssessmentState.Escalated,
            escalations:
            [
                Escalation("E-high", Role.AreaManager, "2026-03-20"),
                Escalation("E-critical", Role.Directorate, "2026-03-20"),
                Escalation("E-done", Role.AreaManager, "2026-03-20", EscalationState.Decided),
            ]);
        Assert.Equal(["E-high"], DecisionDeadline.Due(assessment, NkMethod, Day("2026-04-13")).Select(n => n.Subject.Id));
        Assert.Equal(["E-high", "E-critical"], DecisionDeadline.Due(assessment, NkMethod, Day("2026-04-23")).Select(n => n.Subject.Id));
    }

    [Theory]
    [InlineData(AssessmentState.Approved)]
    [InlineData(AssessmentState.Decided)]
    [InlineData(AssessmentState.Superseded)]
    public void Nothing_is_due_once_the_assessment_is_no_longer_escalated(AssessmentState state) =>
        Assert.Empty(DecisionDeadline.Due(Assessment(state, escalations: Escalation("E-1", Role.AreaManager, "2026-03-20")), NkMethod, Day("2026-12-31")));

    [Fact]
    public void A_role_the_method_gives_no_decision_limit_gets_no_overdue_notice()
    {
        Assert.Null(DecisionDeadline.WorkingDaysFor(Role.Committee, NkMethod.Deadlines));
        var assessment = Assessment(AssessmentState.Escalated, escalations: Escalation("E-1", Role.Committee, "2026-03-20"));
        Assert.Empty(DecisionDeadline.Due(assessment, NkMethod, Day("2026-12-31")));
    }
}
