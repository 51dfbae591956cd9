using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// An accepted risk comes back for a new decision on its end date (design.md §3; risk-method.md §2.3 trigger
/// <c>acceptanceExpired</c>, §2.1 step 10). The notice goes to the app itself, which starts the ad-hoc assessment.
/// </summary>
public static class AcceptanceExpiry
{
    public static IEnumerable<DueNotice> Due(AcceptanceFacts acceptance, DateOnly today)
    {
        // Superseded: a newer assessment of the system has been approved or decided, so this acceptance is history.
        if (acceptance.AssessmentState is AssessmentState.Superseded or AssessmentState.Cancelled || acceptance.EndsOn > today)
        {
            return [];
        }

        return [new DueNotice(
            NoticeReason.AcceptanceExpired,
            new NoticeSubject(NoticeSubjectType.Acceptance, acceptance.Id),
            acceptance.SystemId,
            NoticeRecipient.ForRole(Role.System),
            acceptance.EndsOn,
            acceptance.EndsOn)];
    }
}
