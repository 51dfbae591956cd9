using System.Text.Json.Serialization;
using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>
/// Where an owner is in the guided flow (design.md §8): the assessment with every saved answer, the current step,
/// and whether that step was reached by a jump from the summary (then Next returns there). Plain data, so the
/// stores persist it as JSON and the bot and the tab continue each other's progress.
/// </summary>
public sealed record FlowState(Assessment Assessment, FlowStep Step, bool FromSummary = false);

/// <summary>One step of the flow: its kind and, for Score and Treatment, the event it is about.</summary>
public sealed record FlowStep(FlowStepKind Kind, string? EventId = null)
{
    public static FlowStep Facts { get; } = new(FlowStepKind.Facts);

    public static FlowStep Profile { get; } = new(FlowStepKind.Profile);

    public static FlowStep Events { get; } = new(FlowStepKind.Events);

    public static FlowStep Summary { get; } = new(FlowStepKind.Summary);

    public static FlowStep Score(string eventId) => new(FlowStepKind.Score, eventId);

    public static FlowStep Treatment(string eventId) => new(FlowStepKind.Treatment, eventId);

    public override string ToString() => EventId is null ? Kind.ToString() : $"{Kind}({EventId})";
}

/// <summary>
/// The kinds of step (risk-method.md §2.1 steps 3–7). Stable names: renderers key their own titles and button
/// labels on them, and stored flow states carry them as strings.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<FlowStepKind>))]
public enum FlowStepKind
{
    Facts,
    Profile,
    Events,
    Score,
    Treatment,
    Summary,
}
