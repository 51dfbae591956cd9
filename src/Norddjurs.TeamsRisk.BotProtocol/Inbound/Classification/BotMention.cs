using System.Net;
using System.Text.Json;
using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>
/// Removes the bot's own <c>&lt;at&gt;Name&lt;/at&gt;</c> from a message (teams-bot-protocol.md §7.4): the mention entities
/// whose <c>mentioned.id</c> is the recipient, by the entity's own <c>text</c>. Other people's mentions stay.
/// </summary>
public static class BotMention
{
    public static string StripFrom(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (!string.IsNullOrEmpty(botId) && activity.Entities is { } entities)
        {
            foreach (var mention in entities.Where(e => IsMentionOf(e, botId)))
            {
                if (mention.TryGetProperty("text", out var mentionText) && mentionText.GetString() is { Length: > 0 } tag)
                {
                    text = text.Replace(tag, " ", StringComparison.Ordinal);
                }
            }
        }

        // Teams sends HTML entities such as &nbsp; even in plain text; a decoded no-break space is still a space.
        return WebUtility.HtmlDecode(text).Replace('\u00A0', ' ').Trim();
    }

    private static bool IsMentionOf(JsonElement entity, string botId) =>
        entity.ValueKind == JsonValueKind.Object
        && entity.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "mention"
        && entity.TryGetProperty("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object
        && mentioned.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
        && string.Equals(id.GetString(), botId, StringComparison.Ordinal);
}
