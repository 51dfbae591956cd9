using System.Globalization;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>Codes of the flow itself; the rules of the method keep their Core codes. Texts: Core/Assessments/Flow/Texts.resx.</summary>
public static class FlowErrorCodes
{
    /// <summary>Next on the summary, Back on the first step, or a jump from anywhere but the summary or to a step that does not exist.</summary>
    public const string MoveNotAllowed = "flow.move_not_allowed";

    /// <summary>The input is for another step than the current one (an old card, or progress made in another window).</summary>
    public const string StepChanged = "flow.step_changed";

    /// <summary>No likelihood was chosen on a Score step.</summary>
    public const string LikelihoodRequired = "flow.likelihood_required";
}

/// <summary>An error on one field of the step's input (see <see cref="FlowFields"/>), language-neutral.</summary>
public sealed record FieldError(string Field, DomainError Error);

/// <summary>An error as a renderer shows it: the field it belongs to, the error, and its message in the user's language.</summary>
public sealed record FlowError(string Field, DomainError Error, string Message);

/// <summary>
/// Field names for errors: the camel-case property paths of the step inputs, so a renderer can put each message
/// next to its input. <see cref="Step"/> is for errors about the step as a whole.
/// </summary>
public static class FlowFields
{
    public const string Step = "step";
    public const string Facts = "facts";
    public const string Confidentiality = "confidentiality";
    public const string ConfidentialityReason = "confidentialityReason";
    public const string Integrity = "integrity";
    public const string IntegrityReason = "integrityReason";
    public const string Selected = "selected";
    public const string Likelihood = "likelihood";
    public const string ExistingMeasures = "existingMeasures";
    public const string ExpectedOutageHours = "expectedOutageHours";
    public const string ExpectedDataLossHours = "expectedDataLossHours";
    public const string PeakBump = "peakBump";
    public const string PeakReason = "peakReason";
    public const string OverrideConsequence = "overrideConsequence";
    public const string OverrideReason = "overrideReason";
    public const string Kind = "kind";
    public const string Justification = "justification";
    public const string Measures = "measures";
    public const string InterimMeasures = "interimMeasures";

    public static string DeselectionReason(string eventId) => $"deselectionReasons[{eventId}]";

    public static string CustomEvent(int index, string property) => Indexed("newCustomEvents", index, property);

    public static string Measure(int index, string property) => Indexed(Measures, index, property);

    public static string InterimMeasure(int index, string property) => Indexed(InterimMeasures, index, property);

    private static string Indexed(string list, int index, string property) =>
        string.Create(CultureInfo.InvariantCulture, $"{list}[{index}].{property}");
}

internal static class FlowMessages
{
    /// <summary>
    /// The message in the user's language. Core's messages name events by id; the user reads the event's name
    /// in their language instead (the error itself keeps the id).
    /// </summary>
    public static FlowError Of(FieldError error, Language language, Func<string, string?> eventName)
    {
        var shown = error.Error;
        if (shown.Args.TryGetValue("event", out var id) && eventName(id) is { } name)
        {
            var args = shown.Args.ToDictionary(a => a.Key, a => a.Key == "event" ? name : a.Value, StringComparer.Ordinal);
            shown = new DomainError(shown.Code, args);
        }

        return new FlowError(error.Field, error.Error, shown.Message(language));
    }
}
