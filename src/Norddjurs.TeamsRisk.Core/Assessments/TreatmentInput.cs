namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>The owner's proposal for one line as raw values (risk-method.md §2.1 step 6). Measure ids come from the caller.</summary>
public sealed record TreatmentInput(
    string Kind,
    string? Justification = null,
    IReadOnlyList<MeasureInput>? Measures = null,
    IReadOnlyList<InterimMeasureInput>? InterimMeasures = null);

public sealed record MeasureInput(
    string Id,
    string? Description,
    string? ResponsibleObjectId,
    DateOnly? Deadline,
    int? TargetLikelihood,
    int? TargetConsequence,
    string? DeadlineExceptionReason = null);

public sealed record InterimMeasureInput(string? Description, string? ResponsibleObjectId);
