using System.Text.Json;
using System.Text.Json.Serialization;

namespace Norddjurs.TeamsRisk.BotProtocol.Activities;

/// <summary>The conversation: <c>a:…</c> (personal), <c>19:…@thread.v2</c> (group chat), <c>19:…@thread.tacv2[;messageid=…]</c> (channel).</summary>
public sealed record ConversationAccount
{
    public required string Id { get; init; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>; some clients leave it out in personal chats (§7.14).</summary>
    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public bool? IsGroup { get; init; }

    public string? Name { get; init; }

    /// <summary>Unknown members, kept so a round trip is lossless (§1.7); settable because the serializer fills it.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The id without a channel thread's <c>;messageid=…</c> suffix, for storing and comparing channel ids (§7.3).</summary>
    [JsonIgnore]
    public string BareId => Id.Split(';', 2)[0];
}
