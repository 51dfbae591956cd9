using System.Text.Json;
using System.Text.Json.Serialization;

namespace Norddjurs.TeamsRisk.BotProtocol.Activities;

/// <summary>
/// One Bot Framework activity with the fields a Teams bot really receives (teams-bot-protocol.md §1.2). Every id is an
/// opaque string (§1.4). <see cref="Value"/>, <see cref="Entities"/> and unknown members stay JSON so nothing is lost.
/// </summary>
public sealed record Activity
{
    /// <summary><c>message</c>, <c>conversationUpdate</c>, <c>installationUpdate</c>, <c>invoke</c>, …; see <see cref="ActivityTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>Numeric string for messages, <c>f:…</c> for events and invokes; the de-duplication key with the conversation id.</summary>
    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? LocalTimestamp { get; init; }

    public string? LocalTimezone { get; init; }

    /// <summary>Where replies go; bound to the token's <c>serviceurl</c> claim (§2.2 step 6).</summary>
    public required string ServiceUrl { get; init; }

    /// <summary><c>msteams</c> in production.</summary>
    public required string ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    /// <summary>The bot itself: <c>28:{appId}</c> in Teams.</summary>
    public ChannelAccount? Recipient { get; init; }

    public required ConversationAccount Conversation { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    /// <summary>Action.Submit data on a message, the invoke payload on an invoke.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Invoke or event name, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; init; }

    /// <summary>On card submits and invokes: the id of the message that carried the card.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>On <c>installationUpdate</c>: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; init; }

    /// <summary>Spec's <c>expectReplies</c> is refused (§1.1); real Teams never sends it.</summary>
    public string? DeliveryMode { get; init; }

    public IReadOnlyList<JsonElement>? Entities { get; init; }

    public IReadOnlyList<JsonElement>? Attachments { get; init; }

    public TeamsChannelData? ChannelData { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary>Unknown members (e.g. <c>reactionsAdded</c>), kept so a round trip is lossless (§1.7); settable because the serializer fills it.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The conversation's tenant: <c>channelData.tenant.id</c>, falling back to <c>conversation.tenantId</c> (§1.3).</summary>
    [JsonIgnore]
    public string? TenantId => ChannelData?.Tenant?.Id ?? Conversation.TenantId;
}
