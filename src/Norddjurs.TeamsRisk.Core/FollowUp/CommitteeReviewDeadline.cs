using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>The committee reviews a submission within <c>committeeReviewWorkingDays</c> working days (risk-method.md §3.4).</summary>
public static class CommitteeReviewDeadline
{
    /// <summary>The last working day of the review, counted from the day after the submission.</summary>
    public static DateOnly For(DateOnly submittedOn, Deadlines deadlines) =>
        DanishCalendar.AddWorkingDays(submittedOn, deadlines.CommitteeReviewWorkingDays);

    /// <summary>
    /// The overdue notice to the committee, due on the first working day after the deadline: a limit counted in
    /// working days is chased on a working day, not on the Saturday after it.
    /// </summary>
    public static IEnumerable<DueNotice> Due(AssessmentFacts assessment, RiskMethod method, DateOnly today)
    {
        if (assessment.State != AssessmentState.Submitted)
        {
            return [];
        }

        var submittedOn = assessment.SubmittedOn
            ?? throw new ArgumentException($"Assessment {assessment.Id} is Submitted but has no submission date.", nameof(assessment));
        var deadline = For(submittedOn, method.Deadlines);
        var dueOn = DanishCalendar.AddWorkingDays(deadline, 1);
        return dueOn <= today
            ? [new DueNotice(
                NoticeReason.CommitteeReviewOverdue,
                new NoticeSubject(NoticeSubjectType.Assessment, assessment.Id),
                assessment.SystemId,
                NoticeRecipient.ForRole(Role.Committee),
                dueOn,
                deadline)]
            : [];
    }
}
