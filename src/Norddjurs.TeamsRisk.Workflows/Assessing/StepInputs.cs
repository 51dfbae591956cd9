using System.Text.Json.Serialization;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>
/// The owner's answers on one step, as a card or a page sends them: raw values, checked by the Core engine.
/// Each input names its step, so an answer from an old card for another step is refused instead of applied.
/// A step's view carries its input filled with the saved answers; renderers edit that and send it back with Next.
/// </summary>
public abstract record StepInput
{
    [JsonIgnore]
    public abstract FlowStep Step { get; }
}

/// <summary>Step 3a: the system's facts, confirmed as they are or corrected.</summary>
public sealed record FactsStepInput(SystemFacts Facts) : StepInput
{
    [JsonIgnore]
    public override FlowStep Step => FlowStep.Facts;
}

/// <summary>Step 3b: C and I for the system; a value below the suggestion needs its reason.</summary>
public sealed record ProfileStepInput(int? Confidentiality, string? ConfidentialityReason, int? Integrity, string? IntegrityReason) : StepInput
{
    [JsonIgnore]
    public override FlowStep Step => FlowStep.Profile;
}

/// <summary>
/// Step 4: the events to keep (catalogue ids and ids of earlier custom events), reasons for dropped ones, and any
/// new custom events, which are selected at once. Their ids come from the flow's <see cref="IIdSource"/>.
/// </summary>
public sealed record EventsStepInput(
    IReadOnlyList<string> Selected,
    IReadOnlyDictionary<string, string>? DeselectionReasons = null,
    IReadOnlyList<CustomEventInput>? NewCustomEvents = null) : StepInput
{
    [JsonIgnore]
    public override FlowStep Step => FlowStep.Events;
}

/// <summary>A custom event the owner adds, with the dimensions it affects.</summary>
public sealed record CustomEventInput(string? Name, string? Description, IReadOnlyList<Dimension>? Cia);

/// <summary>
/// Step 5 for one event. <see cref="ExistingMeasures"/> are indexes into the event's typical measures; the outage,
/// data loss and peak bump count only for events that affect A.
/// </summary>
public sealed record ScoreStepInput(
    string EventId,
    int? Likelihood,
    IReadOnlyList<int>? ExistingMeasures = null,
    double? ExpectedOutageHours = null,
    double? ExpectedDataLossHours = null,
    int PeakBump = 0,
    string? PeakReason = null,
    int? OverrideConsequence = null,
    string? OverrideReason = null) : StepInput
{
    [JsonIgnore]
    public override FlowStep Step => FlowStep.Score(EventId);
}

/// <summary>Step 6 for one line. A measure without an id is new and gets one from the flow's <see cref="IIdSource"/>.</summary>
public sealed record TreatmentStepInput(
    string EventId,
    TreatmentKind? Kind,
    string? Justification = null,
    IReadOnlyList<MeasureStepInput>? Measures = null,
    IReadOnlyList<InterimMeasureInput>? InterimMeasures = null) : StepInput
{
    [JsonIgnore]
    public override FlowStep Step => FlowStep.Treatment(EventId);
}

/// <summary>A planned measure as entered: what, who (Entra object id), by when, and the target L and C.</summary>
public sealed record MeasureStepInput(
    string? Id,
    string? Description,
    string? ResponsibleObjectId,
    DateOnly? Deadline,
    int? TargetLikelihood,
    int? TargetConsequence,
    string? DeadlineExceptionReason = null);
