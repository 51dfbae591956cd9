using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Testing.Cards;

namespace Norddjurs.TeamsRisk.LoadTest.Walk;

/// <summary>One input of a card in document order, and whether an error block (red, small) follows it.</summary>
internal sealed record CardInput(string Id, string Type, JsonObject Element, bool HasError)
{
    public string? Value => CardReading.ValueOf(Element);

    public bool IsMultiSelect => Element["isMultiSelect"]?.GetValue<bool>() == true;

    public string? Placeholder => Element["placeholder"]?.GetValue<string>();

    public IReadOnlyList<string> ChoiceValues => CardInputs.Choices(Element);
}

/// <summary>
/// What the walk reads on a card beyond <c>Testing/Cards</c> (defaults, merge): the inputs with the error text next to
/// them, the error summary, and the actions themselves (the walk reads their data to pick an assessment and a step).
/// </summary>
internal static class CardReading
{
    /// <summary>The inputs in document order, each with whether an error block sits right after it.</summary>
    public static IReadOnlyList<CardInput> Inputs(JsonObject card)
    {
        var found = new List<CardInput>();
        Visit(card["body"] as JsonArray, found);
        return found;
    }

    /// <summary>Whether the card shows the error summary (a container with style <c>attention</c>) or any error block.</summary>
    public static bool HasErrors(JsonObject card) =>
        CardElements.All(card).Any(o => (CardElements.Type(o) == "Container" && o["style"]?.GetValue<string>() == "attention") || IsErrorBlock(o));

    /// <summary>The text of every error block, for the report.</summary>
    public static IEnumerable<string> ErrorTexts(JsonObject card) =>
        CardElements.All(card).Where(o => CardElements.Type(o) == "TextBlock" && o["color"]?.GetValue<string>() == "Attention")
            .Select(o => o["text"]?.GetValue<string>() ?? string.Empty);

    /// <summary>The first <c>Action.Execute</c> with <paramref name="verb"/>, anywhere on the card, or null.</summary>
    public static JsonObject? FindAction(JsonObject card, string verb) => FindActions(card, verb).FirstOrDefault();

    public static IEnumerable<JsonObject> FindActions(JsonObject card, string verb) =>
        CardElements.All(card, includeRefresh: true).Where(o => CardElements.Type(o) == "Action.Execute" && CardElements.Text(o["verb"]) == verb);

    /// <summary>What Teams sends for a click on <paramref name="action"/>: its data with the inputs merged in.</summary>
    public static JsonObject Press(JsonObject action, IReadOnlyDictionary<string, string> inputs) =>
        CardActions.Merge(action["data"] as JsonObject ?? [], inputs);

    /// <summary>An input's value as the walk reads it: empty is none.</summary>
    public static string? ValueOf(JsonObject input) => input["value"] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0 ? null : s,
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        var other => other.ToJsonString(),
    };

    private static bool IsErrorBlock(JsonObject o) =>
        CardElements.Type(o) == "TextBlock" && o["color"]?.GetValue<string>() == "Attention" && o["size"]?.GetValue<string>() == "Small";

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

            var type = CardElements.Type(element) ?? string.Empty;
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
