using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Testing.Cards;

namespace Norddjurs.TeamsRisk.Bot.Tests.Conversation;

/// <summary>
/// One owner in the chat: holds the card on screen and presses its buttons as Teams would — the action's data with
/// every input's current value merged in — and keeps the card the bot answers with.
/// </summary>
internal sealed class CardSession(BotWorld world, string objectId = BotWorld.Owner)
{
    public JsonObject Card { get; private set; } = new();

    public string Text => BotWorld.TextOf(Card);

    public async Task<JsonObject> StartAsync()
    {
        Card = await world.CardAsync(world.Invoke("start", new JsonObject { ["verb"] = "start" }, objectId));
        return Card;
    }

    /// <summary>Presses the button with <paramref name="verb"/> (the one for <paramref name="assessmentId"/> on a list), after <paramref name="edit"/> changed the inputs.</summary>
    public async Task<JsonObject> PressAsync(string verb, Action<Dictionary<string, string>>? edit = null, string? assessmentId = null) =>
        Card = await world.CardAsync(world.Invoke(verb, DataFor(verb, edit, assessmentId), objectId));

    /// <summary>The invoke the button would send, without sending it (to replay it or send it later from a stale card).</summary>
    public JsonObject DataFor(string verb, Action<Dictionary<string, string>>? edit = null, string? assessmentId = null)
    {
        var data = Actions(Card, verb).FirstOrDefault(d => assessmentId is null || (string?)d["assessmentId"] == assessmentId)
            ?? throw new InvalidOperationException($"The card has no '{verb}' button{(assessmentId is null ? "" : " for " + assessmentId)}:\n{Text}");
        var inputs = CardInputs.Defaults(Card);
        edit?.Invoke(inputs);
        return CardActions.Merge(data, inputs);
    }

    public Dictionary<string, string> Inputs() => CardInputs.Defaults(Card);

    public static IEnumerable<JsonObject> Actions(JsonNode? node, string verb)
    {
        switch (node)
        {
            case JsonObject o:
                if ((string?)o["type"] == "Action.Execute" && (string?)o["verb"] == verb && o["data"] is JsonObject data)
                {
                    yield return data;
                }

                foreach (var child in o.Where(p => p.Key != "fallback").SelectMany(p => Actions(p.Value, verb)))
                {
                    yield return child;
                }

                break;
            case JsonArray a:
                foreach (var child in a.SelectMany(n => Actions(n, verb)))
                {
                    yield return child;
                }

                break;
        }
    }
}
