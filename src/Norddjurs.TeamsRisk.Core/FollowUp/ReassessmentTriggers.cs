using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// Why an ad-hoc assessment starts (risk-method.md §2.3). The method lists the triggers a person may name
/// (<c>reassessmentTriggers</c>); the app fires four of them itself from the due rules.
/// </summary>
public static class ReassessmentTriggers
{
    public const string AcceptanceExpired = "acceptanceExpired";
    public const string MeasureCompleted = "measureCompleted";
    public const string LegalChange = "legalChange";

    /// <summary>
    /// The 12-month rule (§2.2, <c>maxMonthsBetweenApprovedAssessments</c>). Not a §2.3 trigger, so not one the
    /// coordinator can name; recorded on the assessment so the owner sees why it came.
    /// </summary>
    public const string Cycle = "cycle";

    /// <summary>A trigger a person may name: one the method lists.</summary>
    public static bool IsNamedByMethod(string? trigger, RiskMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return trigger is not null && method.ReassessmentTriggers.Contains(trigger, StringComparer.Ordinal);
    }
}
