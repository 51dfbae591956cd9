namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>
/// What the owner enters for one event (risk-method.md §2.1 step 5), as raw values from a card or page.
/// <see cref="ExistingMeasures"/> are indexes into the event's typical measures ("findes i dag").
/// </summary>
public sealed record ScoreInput(
    int Likelihood,
    IReadOnlyList<int>? ExistingMeasures = null,
    double? ExpectedOutageHours = null,
    double? ExpectedDataLossHours = null,
    int PeakBump = 0,
    string? PeakReason = null,
    int? OverrideConsequence = null,
    string? OverrideReason = null);
