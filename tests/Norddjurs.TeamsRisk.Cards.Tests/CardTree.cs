using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Cards.Tests;

/// <summary>Ways to look into a card's JSON for assertions.</summary>
internal static class CardTree
{
    /// <summary>Every object in the card, depth first in document order.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o.Select(p => p.Value).SelectMany(Objects))
                {
                    yield return child;
                }

                break;
            case JsonArray a:
                foreach (var child in a.SelectMany(Objects))
                {
                    yield return child;
                }

                break;
        }
    }

    public static IEnumerable<JsonObject> OfType(JsonNode card, string type) => Objects(card).Where(o => (string?)o["type"] == type);

    public static IEnumerable<JsonObject> Inputs(JsonNode card) => Objects(card).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    public static JsonObject Input(JsonNode card, string id) => Inputs(card).Single(i => (string?)i["id"] == id);

    /// <summary>The top-level actions (fallbacks excluded).</summary>
    public static IEnumerable<JsonObject> Actions(JsonNode card) =>
        OfType(card, "ActionSet").SelectMany(s => s["actions"]!.AsArray().OfType<JsonObject>());

    public static IEnumerable<string> Verbs(JsonNode card) => Actions(card).Select(a => (string)a["verb"]!);

    public static IEnumerable<string> Texts(JsonNode card) => OfType(card, "TextBlock").Select(t => (string)t["text"]!);

    /// <summary>The element that follows the one with this id in its container.</summary>
    public static JsonObject? After(JsonNode card, string id)
    {
        var input = Input(card, id);
        var siblings = input.Parent!.AsArray();
        var index = siblings.IndexOf(input);
        return index + 1 < siblings.Count ? siblings[index + 1] as JsonObject : null;
    }
}
