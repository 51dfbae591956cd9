using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Testing.Cards;

/// <summary>What a card's inputs send when the user presses a button.</summary>
public static class CardInputs
{
    /// <summary>
    /// The values Teams sends when the user presses a button without changing anything: every <c>Input.*</c> element's
    /// id with its <c>value</c> as a string. An input without a value sends "" (Teams sends "" or leaves it out; "" is
    /// the stricter test for a reader). <c>Input.Toggle</c> sends its value, or its <c>valueOff</c> ("false" by default).
    /// Inputs nested in containers, columns, action sets and <c>Action.ShowCard</c> cards count; fallbacks do not.
    /// </summary>
    /// <exception cref="InvalidOperationException">Two inputs share an id: Teams would send only one of them.</exception>
    public static Dictionary<string, string> Defaults(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in Inputs(card))
        {
            var id = CardElements.Text(input["id"]) ?? throw new InvalidOperationException($"An {CardElements.Type(input)} has no id.");
            if (!values.TryAdd(id, Default(input)))
            {
                throw new InvalidOperationException($"Two inputs have the id '{id}'.");
            }
        }

        return values;
    }

    /// <summary>Every input element of the card in document order.</summary>
    public static IEnumerable<JsonObject> Inputs(JsonObject card) =>
        CardElements.All(card).Where(e => CardElements.Type(e)?.StartsWith("Input.", StringComparison.Ordinal) == true);

    /// <summary>The values a choice set offers, in order.</summary>
    public static IReadOnlyList<string> Choices(JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [.. (input["choices"] as JsonArray ?? []).Select(c => CardElements.Text(c?["value"])).OfType<string>()];
    }

    /// <summary>The defaults with some values changed, as a user would type them (every value a string, as Teams sends it).</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> inputs, params (string Id, string Value)[] changes)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var changed = new Dictionary<string, string>(inputs, StringComparer.Ordinal);
        foreach (var (id, value) in changes)
        {
            changed[id] = value;
        }

        return changed;
    }

    private static string Default(JsonObject input) =>
        CardElements.Type(input) == "Input.Toggle"
            ? CardElements.Text(input["value"]) ?? CardElements.Text(input["valueOff"]) ?? "false"
            : CardElements.Text(input["value"]) ?? string.Empty;
}
