using System.Globalization;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.LoadTest.Walk;

// A private, minimal version of what tests/Norddjurs.TeamsRisk.Testing/Cards provides on branch wt-rendering
// (CardInputs.Defaults, CardActions.Find, CardActions.Merge), with the same names and meaning, so the walk can switch
// to the shared helpers by changing a using once they are on main.

/// <summary>One input of a card in document order, and whether an error block (red, small) follows it.</summary>
internal sealed record CardInput(string Id, string Type, JsonObject Element, bool HasError)
{
    public string? Value => CardInputs.ValueOf(Element);

    public bool IsMultiSelect => Element["isMultiSelect"]?.GetValue<bool>() == true;

    public string? Placeholder => Element["placeholder"]?.GetValue<string>();

    public IReadOnlyList<string> ChoiceValues =>
        Element["choices"] is JsonArray choices ? [.. choices.Select(c => c?["value"]?.GetValue<string>()).OfType<string>()] : [];
}

internal static class CardInputs
{
    /// <summary>Every input's id and initial value as Teams sends it when nothing was changed: strings, empty inputs as "".</summary>
    public static Dictionary<string, string> Defaults(JsonObject card)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in All(card))
        {
            values.TryAdd(input.Id, input.Value ?? string.Empty);
        }

        return values;
    }

    /// <summary>The inputs in document order, each with whether an error block sits right after it.</summary>
    public static IReadOnlyList<CardInput> All(JsonObject card)
    {
        var found = new List<CardInput>();
        Visit(card["body"] as JsonArray, found);
        return found;
    }

    /// <summary>Whether the card shows the error summary (a container with style <c>attention</c>) or any error block.</summary>
    public static bool HasErrors(JsonObject card) =>
        Descendants(card).Any(o => (o["type"]?.GetValue<string>() == "Container" && o["style"]?.GetValue<string>() == "attention") || IsErrorBlock(o));

    /// <summary>The text of every error block, for the report.</summary>
    public static IEnumerable<string> ErrorTexts(JsonObject card) =>
        Descendants(card).Where(o => o["type"]?.GetValue<string>() == "TextBlock" && o["color"]?.GetValue<string>() == "Attention")
            .Select(o => o["text"]?.GetValue<string>() ?? string.Empty);

    public static string? ValueOf(JsonObject input) => input["value"] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0 ? null : s,
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        var other => other.ToJsonString(),
    };

    internal static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o)
                {
                    foreach (var d in Descendants(child))
                    {
                        yield return d;
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var d in Descendants(child))
                    {
                        yield return d;
                    }
                }

                break;
        }
    }

    private static bool IsErrorBlock(JsonObject o) =>
        o["type"]?.GetValue<string>() == "TextBlock" && o["color"]?.GetValue<string>() == "Attention" && o["size"]?.GetValue<string>() == "Small";

    private static void Visit(JsonArray? elements, List<CardInput> found)
    {
        if (elements is null)
        {
            return;
        }

        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i] is not JsonObject element)
            {
                continue;
            }

            var type = element["type"]?.GetValue<string>() ?? string.Empty;
            if (type.StartsWith("Input.", StringComparison.Ordinal) && element["id"]?.GetValue<string>() is { } id)
            {
                var hasError = i + 1 < elements.Count && elements[i + 1] is JsonObject next && IsErrorBlock(next);
                found.Add(new CardInput(id, type, element, hasError));
            }

            Visit(element["items"] as JsonArray, found);
            if (element["columns"] is JsonArray columns)
            {
                foreach (var column in columns.OfType<JsonObject>())
                {
                    Visit(column["items"] as JsonArray, found);
                }
            }
        }
    }
}

internal static class CardActions
{
    /// <summary>The first <c>Action.Execute</c> with <paramref name="verb"/>, anywhere on the card, or null.</summary>
    public static JsonObject? Find(JsonObject card, string verb) =>
        FindAll(card, verb).FirstOrDefault();

    public static IEnumerable<JsonObject> FindAll(JsonObject card, string verb) =>
        CardInputs.Descendants(card).Where(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb);

    /// <summary>What Teams sends for a click: the action's <c>data</c> with the inputs' values merged in (inputs win, as in Teams).</summary>
    public static JsonObject Merge(JsonObject action, IReadOnlyDictionary<string, string> inputs)
    {
        var data = action["data"] is JsonObject d ? d.DeepClone().AsObject() : [];
        foreach (var (id, value) in inputs)
        {
            data[id] = value;
        }

        return data;
    }
}
