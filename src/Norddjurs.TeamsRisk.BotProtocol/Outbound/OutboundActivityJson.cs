using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// The wire shapes of §3.4 and §3.5. Outbound activities set no <c>id</c>, <c>timestamp</c> or <c>serviceUrl</c> (§7.15);
/// <c>from</c> is our bot when known (the connector otherwise takes it from the token).
/// </summary>
internal static class OutboundActivityJson
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Letters such as æ, ø and å stay readable and count once; HTML-sensitive characters stay escaped.</summary>
    public static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static JsonObject Message(OutboundMessage message, string? conversationId, string? botId, string? replyToId = null)
    {
        var activity = new JsonObject { ["type"] = "message" };
        AddFrom(activity, botId);
        if (conversationId is not null)
        {
            activity["conversation"] = new JsonObject { ["id"] = conversationId };
        }

        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        switch (message)
        {
            case TextMessage text:
                activity["textFormat"] = text.TextFormat;
                activity["text"] = text.Text;
                if (text.Mentions.Count > 0)
                {
                    activity["entities"] = new JsonArray([.. text.Mentions.Select(MentionEntity)]);
                }

                break;
            case CardMessage card:
                activity["attachments"] = new JsonArray(new JsonObject
                {
                    ["contentType"] = AdaptiveCardContentType,
                    ["content"] = card.Card.DeepClone(),
                });
                break;
        }

        if (message.Locale is not null)
        {
            activity["locale"] = message.Locale;
        }

        if (message.AlertInActivityFeed)
        {
            activity["channelData"] = new JsonObject { ["notification"] = new JsonObject { ["alert"] = true } };
        }

        return activity;
    }

    public static JsonObject Typing(string conversationId, string? botId)
    {
        var activity = new JsonObject { ["type"] = "typing" };
        AddFrom(activity, botId);
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        return activity;
    }

    /// <summary>§3.5 1:1: exactly one member, <c>tenantId</c> required (also in <c>channelData.tenant</c>).</summary>
    public static JsonObject PersonalConversation(PersonalConversationRequest request)
    {
        var parameters = new JsonObject { ["isGroup"] = false };
        if (request.BotId is not null)
        {
            parameters["bot"] = new JsonObject { ["id"] = request.BotId };
        }

        parameters["members"] = new JsonArray(new JsonObject { ["id"] = request.UserId });
        parameters["tenantId"] = request.TenantId;
        parameters["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = request.TenantId } };
        if (request.FirstMessage is not null)
        {
            parameters["activity"] = Message(request.FirstMessage, conversationId: null, request.BotId);
        }

        return parameters;
    }

    /// <summary>§3.5 channel thread: <c>isGroup</c>, <c>channelData.channel.id</c> and the mandatory first activity.</summary>
    public static JsonObject ChannelThread(ChannelThreadRequest request)
    {
        var parameters = new JsonObject { ["isGroup"] = true };
        if (request.BotId is not null)
        {
            parameters["bot"] = new JsonObject { ["id"] = request.BotId };
        }

        parameters["channelData"] = new JsonObject
        {
            ["channel"] = new JsonObject { ["id"] = request.ChannelId },
            ["tenant"] = new JsonObject { ["id"] = request.TenantId },
        };
        parameters["activity"] = Message(request.FirstMessage, conversationId: null, request.BotId);
        parameters["tenantId"] = request.TenantId;
        return parameters;
    }

    public static string Serialize(JsonObject body) => body.ToJsonString(Wire);

    private static JsonObject MentionEntity(OutboundMention mention) => new()
    {
        ["type"] = "mention",
        ["text"] = mention.Text,
        ["mentioned"] = new JsonObject { ["id"] = mention.Id, ["name"] = mention.Name },
    };

    private static void AddFrom(JsonObject activity, string? botId)
    {
        if (botId is not null)
        {
            activity["from"] = new JsonObject { ["id"] = botId };
        }
    }
}
