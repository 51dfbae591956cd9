using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.FollowUp;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Dates;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Given;

namespace Norddjurs.TeamsRisk.Core.Tests.FollowUp;

public sealed class CommitteeReviewDeadlineTests
{
    [Theory]
    [InlineData("2026-03-30", "2026-04-23")] // across Easter 2026: Skærtorsdag to 2. påskedag are not counted
    [InlineData("2026-02-06", "2026-02-27")] // three plain weeks
    [InlineData("2026-12-14", "2027-01-07")] // across Christmas 2026 and New Year 2027
    public void The_committee_has_15_working_days_from_the_submission(string submittedOn, string deadline) =>
        Assert.Equal(Day(deadline), CommitteeReviewDeadline.For(Day(submittedOn), NkMethod.Deadlines));

    [Theory]
    [InlineData("2026-04-23", false)]
    [InlineData("2026-04-24", true)]
    [InlineData("2026-05-04", true)]
    public void The_review_is_overdue_on_the_first_working_day_after_the_deadline_across_Easter(string today, bool due)
    {
        var notices = CommitteeReviewDeadline.Due(Assessment(AssessmentState.Submitted, submittedOn: "2026-03-30"), NkMethod, Day(today)).ToList();
        Assert.Equal(due, notices.Count == 1);
        if (due)
        {
            var notice = notices[0];
            Assert.Equal(NoticeReason.CommitteeReviewOverdue, notice.Reason);
            Assert.Equal(NoticeRecipient.ForRole(Role.Committee), notice.Recipient);
            Assert.Equal((Day("2026-04-24"), Day("2026-04-23")), (notice.DueOn, notice.Deadline));
            Assert.Equal("committee-review-overdue:assessment:A-1:2026-04-23", notice.Key);
        }
    }

    [Theory]
    [InlineData("2026-02-27", false)] // Friday: the deadline itself
    [InlineData("2026-02-28", false)] // Saturday: not chased at the weekend
    [InlineData("2026-03-01", false)]
    [InlineData("2026-03-02", true)] // Monday, over the month end
    public void A_deadline_on_a_Friday_is_chased_on_the_Monday(string today, bool due) =>
        Assert.Equal(due, CommitteeReviewDeadline.Due(Assessment(AssessmentState.Submitted, submittedOn: "2026-02-06"), NkMethod, Day(today)).Any());

    [Fact]
    public void A_deadline_on_New_Years_Eve_is_chased_on_the_first_working_day_of_2027()
    {
        var submitted = Assessment(AssessmentState.Submitted, submittedOn: "2026-12-08");
        Assert.Equal(Day("2026-12-31"), CommitteeReviewDeadline.For(Day("2026-12-08"), NkMethod.Deadlines));
        Assert.Empty(CommitteeReviewDeadline.Due(submitted, NkMethod, Day("2027-01-03")));
        Assert.Equal(Day("2027-01-04"), Assert.Single(CommitteeReviewDeadline.Due(submitted, NkMethod, Day("2027-01-04"))).DueOn);
    }

    [Theory]
    [InlineData(AssessmentState.Invited)]
    [InlineData(AssessmentState.InProgress)]
    [InlineData(AssessmentState.Returned)]
    [InlineData(AssessmentState.Approved)]
    [InlineData(AssessmentState.Escalated)]
    [InlineData(AssessmentState.Decided)]
    [InlineData(AssessmentState.Cancelled)]
    [InlineData(AssessmentState.Superseded)]
    public void Only_a_submitted_assessment_waits_for_the_committee(AssessmentState state) =>
        Assert.Empty(CommitteeReviewDeadline.Due(Assessment(state, submittedOn: "2026-03-30"), NkMethod, Day("2026-06-30")));

    [Fact]
    public void A_submitted_assessment_without_its_submission_date_is_a_mapping_bug() =>
        Assert.Throws<ArgumentException>(() => CommitteeReviewDeadline.Due(Assessment(AssessmentState.Submitted), NkMethod, Day("2026-06-30")));
}
