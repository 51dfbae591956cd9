using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;

namespace Norddjurs.TeamsRisk.Cards.Building;

/// <summary>
/// The card object around a body: version 1.5, <c>$schema</c>, full width, optional refresh. No <c>lang</c>: the texts
/// are already in the user's language, and adaptivecards 3.0.6 rejects every other card's <c>lang</c> (its check is a
/// global regular expression that keeps state between calls).
/// </summary>
internal static class CardEnvelope
{
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    public static JsonObject Create(IEnumerable<JsonNode> body, CardActionData? refresh = null, IReadOnlyList<string>? refreshUserIds = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = Elements.Array(body),
        };
        if (refresh is not null && refreshUserIds is { Count: > 0 })
        {
            card["refresh"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = refresh.Verb, ["data"] = refresh.ToJson() },
                ["userIds"] = Elements.Array(refreshUserIds.Select(id => (JsonNode)JsonValue.Create(id)!)),
            };
        }

        return card;
    }
}
