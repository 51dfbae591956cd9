namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>How consequence is assessed and combined (risk-method.md §3.2).</summary>
public sealed record ConsequenceModel(
    IReadOnlyList<DimensionDefinition> Dimensions,
    string Combine,
    EventOverrideRule EventOverride,
    IReadOnlyList<ConsequenceLevelDefinition> Levels,
    ConfidentialitySuggestion ConfidentialitySuggestion,
    IntegritySuggestion IntegritySuggestion,
    AvailabilityRules Availability)
{
    public ConsequenceLevelDefinition Level(ConsequenceLevel level) => Levels.First(l => l.Value == level.Value);

    public DimensionDefinition Dimension(Dimension dimension) => Dimensions.First(d => d.Dimension == dimension);
}

public sealed record DimensionDefinition(Dimension Dimension, LocalizedText Label, string AssessedAt);

public sealed record EventOverrideRule(bool Allowed, bool JustificationRequired, int FlagIfLoweredBy);

/// <summary>C suggested from the highest data class and the number of data subjects.</summary>
public sealed record ConfidentialitySuggestion(int ManySubjectsThreshold, IReadOnlyList<DataClassSuggestion> ByDataClass);

public sealed record DataClassSuggestion(string DataClass, int Few, int Many);

public sealed record IntegritySuggestion(int LifeOrHealth, int DecisionsOrPayments, int Other);

/// <summary>A from the expected outage against the MTD, or hours without an MTD.</summary>
public sealed record AvailabilityRules(
    IReadOnlyList<int> ExpectedOutageQuickPicksHours,
    IReadOnlyList<Threshold> MtdRatioToLevel,
    IReadOnlyList<Threshold> HoursToLevelWithoutMtd,
    int DataLossBeyondRpoMinLevel,
    PeakPeriodBump PeakPeriodBump);

/// <summary>A value up to and including <see cref="UpTo"/> maps to <see cref="Level"/>; null is open-ended.</summary>
public sealed record Threshold(double? UpTo, int Level);

public sealed record PeakPeriodBump(bool Allowed, int Max, bool JustificationRequired);
