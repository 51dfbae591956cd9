namespace Norddjurs.TeamsRisk.Graph.Lists;

/// <summary>
/// The assessment list's decision column (design.md §3): its Danish choices by the record's language-neutral outcome
/// (<c>AssessmentRecord.CommitteeOutcome</c>). The committee sets Godkendt or Sendt retur in the list and the delta sync
/// turns that into the transition; Eskaleret is the app's to show.
/// </summary>
public static class CommitteeDecisions
{
    public const string Approved = "Godkendt";
    public const string Returned = "Sendt retur";
    public const string Escalated = "Eskaleret";

    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Approved"] = Approved,
        ["Returned"] = Returned,
        ["Escalated"] = Escalated,
    };
}
