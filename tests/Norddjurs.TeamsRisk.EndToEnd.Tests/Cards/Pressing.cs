using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests;

/// <summary>
/// Pressing a card's button as a renderer does: the action's data with every input's value merged in, as strings.
/// A minimal private stand-in for Testing/Cards (CardInputs.Defaults, CardActions.Find/Merge), which is not on main yet.
/// </summary>
public static class Pressing
{
    /// <summary>Every input's id and value as sent when nothing was changed (toggles: value or valueOff; empty: "").</summary>
    public static Dictionary<string, string> Defaults(JsonObject card)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in Inputs(card))
        {
            values[Text(input["id"]) ?? string.Empty] = Card.Type(input) == "Input.Toggle"
                ? Text(input["value"]) ?? Text(input["valueOff"]) ?? "false"
                : Text(input["value"]) ?? string.Empty;
        }

        return values;
    }

    public static IEnumerable<JsonObject> Inputs(JsonObject card) =>
        Card.Elements(card).Where(e => Card.Type(e)?.StartsWith("Input.", StringComparison.Ordinal) == true);

    /// <summary>The data of the first Action.Execute with the verb (a copy).</summary>
    public static JsonObject Find(JsonObject card, string verb) =>
        Card.Executes(card).FirstOrDefault(a => Text(a["verb"]) == verb)?["data"]?.DeepClone() as JsonObject
        ?? throw new InvalidOperationException($"The card has no Action.Execute '{verb}'; it has {string.Join(", ", Card.Verbs(card))}.");

    public static JsonObject Merge(JsonObject data, IReadOnlyDictionary<string, string> inputs)
    {
        var merged = (JsonObject)data.DeepClone();
        foreach (var (id, value) in inputs)
        {
            merged[id] = value;
        }

        return merged;
    }

    /// <summary>The values a choice set offers, in order.</summary>
    public static IReadOnlyList<string> Choices(JsonObject input) =>
        [.. (input["choices"] as JsonArray ?? []).Select(c => Text(c?["value"])).OfType<string>()];

    public static string? Text(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v => v.ToJsonString(),
        _ => null,
    };
}
