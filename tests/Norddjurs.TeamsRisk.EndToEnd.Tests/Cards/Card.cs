using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Testing.Cards;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests;

/// <summary>
/// Reading a card the bot sent, as a person looks at it: its buttons and its words (not its refresh action, which a
/// person never sees). Walking the card and pressing a button are <see cref="CardElements"/>, <see cref="CardInputs"/>
/// and <see cref="CardActions"/> of the Testing project.
/// </summary>
public static class Card
{
    public static IEnumerable<JsonObject> Executes(JsonObject card) => CardElements.All(card).Where(e => CardElements.Type(e) == "Action.Execute");

    /// <summary>The verbs of the card's buttons, each once, in document order.</summary>
    public static IReadOnlyList<string> Verbs(JsonObject card) =>
        [.. Executes(card).Select(a => a["verb"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>All the words on the card (text blocks, facts, button titles, choices), one per line.</summary>
    public static string Texts(JsonObject card) => string.Join('\n', CardElements.All(card).SelectMany(e => new[] { "text", "title", "value", "label" }
        .Select(p => e[p] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)).OfType<string>());
}
