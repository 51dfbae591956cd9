using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Testing.Cards;

/// <summary>
/// A card's <c>Action.Execute</c> buttons, and the invoke <c>action.data</c> Teams sends for one. Walking a flow is
/// pressing buttons: <c>CardActions.Press(card, "flow.next", ("likelihood", "3"))</c> is what the bot receives when the
/// user picks likelihood 3 and presses Next; everything else on the card is sent as it was shown.
/// </summary>
public static class CardActions
{
    /// <summary>
    /// A copy of the data of the card's <c>Action.Execute</c> with <paramref name="verb"/>: the first in document order
    /// (body, action sets, <c>Action.ShowCard</c> cards, the card's own actions, then its <c>refresh</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The card has no such action; the message lists the verbs it has.</exception>
    public static JsonObject Find(JsonObject card, string verb)
    {
        ArgumentNullException.ThrowIfNull(card);
        var action = Executes(card).FirstOrDefault(a => CardElements.Text(a["verb"]) == verb)
            ?? throw new InvalidOperationException($"The card has no Action.Execute '{verb}'; it has: {string.Join(", ", Verbs(card))}.");
        return action["data"] is JsonObject data ? (JsonObject)data.DeepClone() : [];
    }

    /// <summary>Whether the card offers the verb (a button may be left out, e.g. Back on the first step).</summary>
    public static bool Has(JsonObject card, string verb) => Executes(card).Any(a => CardElements.Text(a["verb"]) == verb);

    /// <summary>The verbs of the card's <c>Action.Execute</c> buttons and refresh, each once, in document order.</summary>
    public static IReadOnlyList<string> Verbs(JsonObject card) =>
        [.. Executes(card).Select(a => CardElements.Text(a["verb"])).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The invoke's <c>action.data</c>: the action's data with the inputs merged in, every input value a string. As in
    /// the Adaptive Cards renderers, an input overwrites a data property of the same name.
    /// </summary>
    public static JsonObject Merge(JsonObject data, IReadOnlyDictionary<string, string> inputs)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(inputs);
        var merged = (JsonObject)data.DeepClone();
        foreach (var (id, value) in inputs)
        {
            merged[id] = value;
        }

        return merged;
    }

    /// <summary>Pressing the button: <see cref="Find"/> and <see cref="Merge"/> with the card's defaults, changed by <paramref name="changes"/>.</summary>
    public static JsonObject Press(JsonObject card, string verb, params (string Id, string Value)[] changes) =>
        Merge(Find(card, verb), CardInputs.Defaults(card).With(changes));

    private static IEnumerable<JsonObject> Executes(JsonObject card) =>
        CardElements.All(card, includeRefresh: true).Where(e => CardElements.Type(e) == "Action.Execute");
}
