using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Building;

/// <summary>The card object around a body: version 1.5, <c>$schema</c>, language, full width, optional refresh.</summary>
internal static class CardEnvelope
{
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    public static JsonObject Create(Language language, IEnumerable<JsonNode> body, CardActionData? refresh = null, IReadOnlyList<string>? refreshUserIds = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["lang"] = language == Language.English ? "en" : "da",
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
