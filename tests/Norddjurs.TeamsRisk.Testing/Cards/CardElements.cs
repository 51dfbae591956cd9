using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Testing.Cards;

/// <summary>
/// Walks an Adaptive Card as Teams renders it: every element and action in document order, through containers, column
/// sets, action sets and the cards of <c>Action.ShowCard</c>. Fallbacks are skipped (they replace an element only on a
/// client that cannot render it) and so is the card's <c>refresh</c> action unless asked for.
/// </summary>
public static class CardElements
{
    /// <summary>The node and everything in it, in document order; the card's refresh action only with <paramref name="includeRefresh"/>.</summary>
    public static IEnumerable<JsonObject> All(JsonNode? node, bool includeRefresh = false)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (name, child) in o)
                {
                    if (name == "fallback" || (name == "refresh" && !includeRefresh))
                    {
                        continue;
                    }

                    foreach (var nested in All(child, includeRefresh))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray a:
                foreach (var nested in a.SelectMany(n => All(n, includeRefresh)))
                {
                    yield return nested;
                }

                break;
        }
    }

    /// <summary>The element's <c>type</c> ("Input.Text", "Action.Execute" …), or null.</summary>
    public static string? Type(JsonObject element) => element["type"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : null;

    /// <summary>A property's value as Teams sends it: strings as they are, numbers invariant ("1.5"), booleans "true"/"false".</summary>
    public static string? Text(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v => v.ToJsonString(),
        _ => null,
    };
}
