namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>A band of points with its colour (risk-method.md §3.3). Show the label next to the colour, always.</summary>
public sealed record Band(string Id, int Order, LocalizedText Label, int MinPoints, int MaxPoints, string Color, string TextColor)
{
    public bool Holds(int points) => points >= MinPoints && points <= MaxPoints;
}

/// <summary>What a band requires (risk-method.md §3.4, §3.7 <c>bandRules</c>).</summary>
public sealed record BandRule(
    string DecisionAuthority,
    IReadOnlyList<TreatmentKind> AllowedDecisions,
    bool JustificationRequired,
    int? MeasureDeadlineMaxDays,
    int AcceptanceMaxMonths,
    bool CommitteeRecommendationRequired,
    bool InterimMeasuresRequired,
    string? ResidualTargetBand,
    IReadOnlyList<string> NotifyOnSubmit);

/// <summary>The treatments an owner may propose (risk-method.md §2.1 step 6).</summary>
public enum TreatmentKind
{
    Accept,
    Reduce,
    Avoid,
    Share,
}

public static class TreatmentKindIds
{
    public static string Id(this TreatmentKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string id, out TreatmentKind kind)
    {
        foreach (var candidate in Enum.GetValues<TreatmentKind>())
        {
            if (candidate.Id() == id)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

public sealed record Appetite(string HighestAcceptableBand, LocalizedText Statement);

public sealed record CellOverride(int Likelihood, int Consequence, string Band);

public sealed record PointsRule(string Formula, IReadOnlyList<CellOverride> CellOverrides);
