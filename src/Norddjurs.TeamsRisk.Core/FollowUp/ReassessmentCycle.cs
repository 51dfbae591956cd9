using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// No system may go more than <c>maxMonthsBetweenApprovedAssessments</c> months without an approved assessment
/// (risk-method.md §2.2). When that day is reached and nothing is under way, the app starts a new assessment.
/// </summary>
public static class ReassessmentCycle
{
    /// <summary>
    /// The day the next approved assessment is due: the last approval plus the months. A system never approved
    /// counts from the day it entered the register, so a newly registered system gets the same 12 months as any other
    /// and a first import does not start an ad-hoc assessment for every system outside the annual round.
    /// </summary>
    public static DateOnly DueOn(SystemCycleFacts system, Cycle cycle) =>
        (system.LastApprovedOn ?? system.RegisteredOn).AddMonths(cycle.MaxMonthsBetweenApprovedAssessments);

    public static IEnumerable<DueNotice> Due(SystemCycleFacts system, RiskMethod method, DateOnly today)
    {
        if (!system.Active || system.HasOpenAssessment)
        {
            return [];
        }

        var dueOn = DueOn(system, method.Cycle);
        return dueOn <= today
            ? [new DueNotice(
                NoticeReason.ReassessmentDue,
                new NoticeSubject(NoticeSubjectType.System, system.SystemId),
                system.SystemId,
                NoticeRecipient.ForRole(Role.System),
                dueOn,
                dueOn)]
            : [];
    }
}
