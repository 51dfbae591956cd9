using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests;

/// <summary>Reading a card the bot sent, as a person looks at it: its buttons and its words.</summary>
public static class Card
{
    /// <summary>Every element and action in document order, through containers, columns, action sets and ShowCard cards; not fallbacks.</summary>
    public static IEnumerable<JsonObject> Elements(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (name, child) in o)
                {
                    if (name is "fallback" or "refresh")
                    {
                        continue;
                    }

                    foreach (var nested in Elements(child))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray a:
                foreach (var nested in a.SelectMany(Elements))
                {
                    yield return nested;
                }

                break;
        }
    }

    public static IEnumerable<JsonObject> Executes(JsonObject card) => Elements(card).Where(e => Type(e) == "Action.Execute");

    /// <summary>The verbs of the card's buttons, each once, in document order.</summary>
    public static IReadOnlyList<string> Verbs(JsonObject card) =>
        [.. Executes(card).Select(a => a["verb"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>All the words on the card (text blocks, facts, button titles, choices), one per line.</summary>
    public static string Texts(JsonObject card) => string.Join('\n', Elements(card).SelectMany(e => new[] { "text", "title", "value", "label" }
        .Select(p => e[p] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)).OfType<string>());

    public static string? Type(JsonObject element) => element["type"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : null;
}
