using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// An escalation is decided within its authority's working days (risk-method.md §3.4): the area manager
/// <c>areaManagerDecisionWorkingDays</c>, direktionen <c>directorateDecisionWorkingDays</c>.
/// </summary>
public static class DecisionDeadline
{
    /// <summary>The authority's limit in working days; null for a role the method gives no decision limit.</summary>
    public static int? WorkingDaysFor(Role authority, Deadlines deadlines) => authority switch
    {
        Role.AreaManager => deadlines.AreaManagerDecisionWorkingDays,
        Role.Directorate => deadlines.DirectorateDecisionWorkingDays,
        _ => null,
    };

    /// <summary>The last working day for the decision, counted from the day after the escalation.</summary>
    public static DateOnly? For(EscalationFacts escalation, Deadlines deadlines) =>
        WorkingDaysFor(escalation.Authority, deadlines) is { } days
            ? DanishCalendar.AddWorkingDays(escalation.EscalatedOn, days)
            : null;

    /// <summary>
    /// One overdue notice per pending escalation, to the authority that must decide, on the first working day
    /// after its deadline (as <see cref="CommitteeReviewDeadline"/>).
    /// </summary>
    public static IEnumerable<DueNotice> Due(AssessmentFacts assessment, RiskMethod method, DateOnly today)
    {
        if (assessment.State != AssessmentState.Escalated)
        {
            return [];
        }

        var notices = new List<DueNotice>();
        foreach (var escalation in assessment.Escalations.Where(e => e.State == EscalationState.Pending))
        {
            if (For(escalation, method.Deadlines) is not { } deadline)
            {
                continue;
            }

            var dueOn = DanishCalendar.AddWorkingDays(deadline, 1);
            if (dueOn <= today)
            {
                notices.Add(new DueNotice(
                    NoticeReason.DecisionOverdue,
                    new NoticeSubject(NoticeSubjectType.Escalation, escalation.Id),
                    assessment.SystemId,
                    NoticeRecipient.ForRole(escalation.Authority),
                    dueOn,
                    deadline));
            }
        }

        return notices;
    }
}
