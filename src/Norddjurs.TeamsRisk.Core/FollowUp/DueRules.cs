using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// Every due rule over the facts (design.md §7): what is due on or before <c>today</c>, to whom, for which period.
/// Pure and repeatable: the same notice comes back with the same <see cref="DueNotice.Key"/> on every run while it
/// is due, so the caller sends what it has not sent yet and nothing twice. <c>today</c> is the municipality's
/// local date (Europe/Copenhagen), taken by the job from its <c>TimeProvider</c>.
/// </summary>
public static class DueRules
{
    public static IReadOnlyList<DueNotice> Evaluate(FollowUpFacts facts, RiskMethod method, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var notices = new List<DueNotice>();
        foreach (var assessment in facts.Assessments)
        {
            notices.AddRange(OwnerDeadline.Due(assessment, method, today));
            notices.AddRange(CommitteeReviewDeadline.Due(assessment, method, today));
            notices.AddRange(DecisionDeadline.Due(assessment, method, today));
        }

        notices.AddRange(facts.Measures.SelectMany(m => MeasureDeadline.Due(m, method, today)));
        notices.AddRange(facts.Acceptances.SelectMany(a => AcceptanceExpiry.Due(a, today)));
        notices.AddRange(facts.Systems.SelectMany(s => ReassessmentCycle.Due(s, method, today)));
        notices.AddRange(facts.DpfTransfers.SelectMany(t => DpfRecheck.Due(t, today)));
        notices.AddRange(facts.CompletedLines.SelectMany(l => MeasuresCompleted.Due(l, today)));
        notices.AddRange(facts.TransferStatuses.SelectMany(t => LegalStatusChange.Due(t, today)));
        return [.. notices.OrderBy(n => n.DueOn).ThenBy(n => n.Key, StringComparer.Ordinal)];
    }
}
