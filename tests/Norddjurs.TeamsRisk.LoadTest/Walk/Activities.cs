using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.LoadTest.Hosting;

namespace Norddjurs.TeamsRisk.LoadTest.Walk;

/// <summary>What every activity of the run shares: the bot, the tenant and the service URL the tokens are bound to.</summary>
internal sealed record Channel(string BotAppId, string TenantId, string ServiceUrl)
{
    public string BotId => "28:" + BotAppId;
}

/// <summary>
/// Activities shaped as Teams sends them (teams-bot-protocol.md §1.6 A, C, F): a 1:1 conversation per owner, Danish
/// locale, <c>clientInfo</c> entity, tenant in <c>channelData</c> and <c>conversation</c>.
/// </summary>
internal static class Activities
{
    private static readonly TimeSpan Copenhagen = TimeSpan.FromHours(1);

    public static JsonObject ConversationUpdateInstall(Channel channel, LoadOwner owner) =>
        Base(channel, owner, "conversationUpdate", "f:" + Guid.NewGuid().ToString()).Also(a =>
        {
            a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = channel.BotId }, new JsonObject { ["id"] = owner.TeamsUserId, ["aadObjectId"] = owner.ObjectId });
        });

    public static JsonObject InstallationUpdateAdd(Channel channel, LoadOwner owner) =>
        Base(channel, owner, "installationUpdate", "f:" + Guid.NewGuid().ToString()).Also(a =>
        {
            a["action"] = "add";
            a["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
        });

    public static JsonObject Message(Channel channel, LoadOwner owner, string text) =>
        Base(channel, owner, "message", MessageId()).Also(a =>
        {
            a["textFormat"] = "plain";
            a["text"] = text;
        });

    /// <summary>An <c>Action.Execute</c> click: <c>invoke</c> <c>adaptiveCard/action</c> with the verb and the merged data.</summary>
    public static JsonObject CardAction(Channel channel, LoadOwner owner, string verb, JsonObject data, string replyToId) =>
        Base(channel, owner, "invoke", "f:" + Guid.NewGuid().ToString()).Also(a =>
        {
            a["name"] = "adaptiveCard/action";
            a["replyToId"] = replyToId;
            a["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = string.Empty, ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            };
            a["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
            a["channelData"]!["legacy"] = new JsonObject { ["replyToId"] = "1:1" + replyToId };
        });

    /// <summary>A numeric Teams message id, as the card messages the owner clicks on have.</summary>
    public static string MessageId() => (1_771_500_000_000 + Random.Shared.NextInt64(0, 100_000_000_000)).ToString(CultureInfo.InvariantCulture);

    private static JsonObject Base(Channel channel, LoadOwner owner, string type, string id)
    {
        var now = DateTimeOffset.UtcNow;
        return new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["timestamp"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["localTimestamp"] = now.ToOffset(Copenhagen).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["localTimezone"] = "Europe/Copenhagen",
            ["serviceUrl"] = channel.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = owner.TeamsUserId, ["name"] = owner.DisplayName, ["aadObjectId"] = owner.ObjectId },
            ["recipient"] = new JsonObject { ["id"] = channel.BotId, ["name"] = "Risikovurdering" },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = channel.TenantId, ["id"] = owner.ConversationId },
            ["locale"] = "da-DK",
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "clientInfo", ["locale"] = "da-DK", ["country"] = "DK", ["platform"] = "Windows", ["timezone"] = "Europe/Copenhagen",
            }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = channel.TenantId } },
        };
    }

    private static JsonObject Also(this JsonObject activity, Action<JsonObject> add)
    {
        add(activity);
        return activity;
    }
}
