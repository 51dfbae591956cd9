using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// What one outbound message activity carries: a text or an Adaptive Card, never both (the Playground shows them as
/// two messages, and one update should replace one thing). Build a second message for the other.
/// </summary>
public abstract record OutboundMessage
{
    private protected OutboundMessage()
    {
    }

    /// <summary>E.g. <c>da-DK</c>; omitted when null.</summary>
    public string? Locale { get; init; }

    /// <summary>Raise an activity-feed alert for a 1:1 proactive message (<c>channelData.notification.alert</c>, §3.4).</summary>
    public bool AlertInActivityFeed { get; init; }
}

/// <summary>A text message; Teams renders a Markdown subset (no tables).</summary>
public sealed record TextMessage(string Text) : OutboundMessage
{
    /// <summary><c>markdown</c> (default), <c>plain</c> or <c>xml</c> — set explicitly (§7.5).</summary>
    public string TextFormat { get; init; } = "markdown";

    /// <summary>People mentioned; each one's <see cref="OutboundMention.Text"/> must occur in <see cref="Text"/>.</summary>
    public IReadOnlyList<OutboundMention> Mentions { get; init; } = [];

    internal OutboundMention? MissingMention => Mentions.FirstOrDefault(m => !Text.Contains(m.Text, StringComparison.Ordinal));
}

/// <summary>An Adaptive Card (1.5) as JSON, sent as an <c>application/vnd.microsoft.card.adaptive</c> attachment.</summary>
public sealed record CardMessage(JsonObject Card) : OutboundMessage;
