using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>One scored event: the inputs, what they computed, and the owner's treatment (risk-method.md §2.1 steps 5–6).</summary>
public sealed record RiskLine(
    string EventId,
    IReadOnlyList<int> ExistingMeasures,
    Likelihood Likelihood,
    AvailabilityAssessment? Availability,
    ConsequenceAssessment Consequence,
    RiskScore Score,
    Treatment? Treatment = null)
{
    /// <summary>The expected risk after the planned measures; the current risk when none are planned (D4).</summary>
    public RiskScore Residual => Treatment?.Residual ?? Score;
}

/// <summary>A for one event from the expected outage, read against the MTD (or hours without one), §3.2.</summary>
public sealed record AvailabilityAssessment(
    double ExpectedOutageHours,
    double? MtdHours,
    double? Ratio,
    double? ExpectedDataLossHours,
    double? RpoHours,
    bool DataLossBeyondRpo,
    int PeakBump,
    string? PeakReason,
    ConsequenceLevel Level);

/// <summary>
/// The event consequence: max over the event's dimensions, the dimension that decided it, and an override
/// with its reason. An override lowered by the method's <c>flagIfLoweredBy</c> or more is shown to the committee.
/// </summary>
public sealed record ConsequenceAssessment(
    IReadOnlyDictionary<Dimension, ConsequenceLevel> Components,
    ConsequenceLevel Computed,
    Dimension DecidingDimension,
    ConsequenceOverride? Override,
    bool FlaggedToCommittee)
{
    public ConsequenceLevel Effective => Override?.Level ?? Computed;
}

public sealed record ConsequenceOverride(ConsequenceLevel Level, string Reason);

/// <summary>The owner's proposal for one line (risk-method.md §3.4).</summary>
public sealed record Treatment(
    TreatmentKind Kind,
    string? Justification,
    IReadOnlyList<PlannedMeasure> Measures,
    IReadOnlyList<InterimMeasure> InterimMeasures,
    RiskScore? Residual);

/// <summary>A measure with its responsible person (Entra object id), deadline and target L/C (§3.5 rule 5).</summary>
public sealed record PlannedMeasure(
    string Id,
    string Description,
    string ResponsibleObjectId,
    DateOnly Deadline,
    string? DeadlineExceptionReason,
    Likelihood TargetLikelihood,
    ConsequenceLevel TargetConsequence);

/// <summary>What is done at once while a Kritisk risk waits for its measures (§3.4).</summary>
public sealed record InterimMeasure(string Description, string ResponsibleObjectId);
