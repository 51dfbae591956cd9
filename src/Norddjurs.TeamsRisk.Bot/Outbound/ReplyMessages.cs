using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;

namespace Norddjurs.TeamsRisk.Bot.Outbound;

/// <summary>
/// A rendered reply activity (<see cref="BotReply.Activity"/>) as the connector's message: its Adaptive Card, or else its
/// text; its locale is kept. Null when it carries neither — a bug in the renderer, dead-lettered with that reason.
/// </summary>
internal static class ReplyMessages
{
    private const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";

    public static OutboundMessage? From(JsonObject activity)
    {
        OutboundMessage? message = CardOf(activity) is { } card
            ? new CardMessage(card)
            : Text(activity, "text") is { Length: > 0 } text ? new TextMessage(text) { TextFormat = Text(activity, "textFormat") ?? "markdown" } : null;
        return message is null ? null : message with { Locale = Text(activity, "locale") };
    }

    private static JsonObject? CardOf(JsonObject activity) =>
        activity["attachments"] is JsonArray attachments
            ? attachments.OfType<JsonObject>()
                .Where(a => Text(a, "contentType") == AdaptiveCard)
                .Select(a => a["content"] as JsonObject)
                .FirstOrDefault(c => c is not null)
            : null;

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
