using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// A step's answers as JSON: <c>{ "step": "facts|profile|events|score|treatment", …the step input's fields }</c>.
/// The discriminator picks the <see cref="StepInput"/> record; the engine checks the rest (and refuses an answer for
/// another step than the current one).
/// </summary>
internal static class StepInputJson
{
    private static readonly Dictionary<string, Type> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["facts"] = typeof(FactsStepInput),
        ["profile"] = typeof(ProfileStepInput),
        ["events"] = typeof(EventsStepInput),
        ["score"] = typeof(ScoreStepInput),
        ["treatment"] = typeof(TreatmentStepInput),
    };

    /// <summary>The input, or the error that says why the body is not one.</summary>
    public static (StepInput? Input, DomainError? Error) Read(JsonObject body, JsonSerializerOptions options)
    {
        var step = body["step"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (step is null || !Kinds.TryGetValue(step, out var type))
        {
            return (null, DomainError.Of("api.step_unknown", ("step", step ?? string.Empty)));
        }

        var fields = body.DeepClone().AsObject();
        fields.Remove("step");
        try
        {
            if (fields.Deserialize(type, options) is not StepInput input)
            {
                return (null, DomainError.Of("api.body_missing"));
            }

            return RequiredFields.FirstMissing(input) is { } missing
                ? (null, DomainError.Of("api.body_invalid", ("path", missing)))
                : (input, null);
        }
        catch (JsonException e)
        {
            return (null, DomainError.Of("api.body_invalid", ("path", string.IsNullOrEmpty(e.Path) ? "$" : e.Path)));
        }
    }
}
