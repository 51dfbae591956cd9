using System.Text.Json;
using System.Text.Json.Serialization;

namespace Norddjurs.TeamsRisk.BotProtocol.Activities;

/// <summary>A user or the bot: <c>29:…</c> (user, pairwise per bot) or <c>28:{appId}</c> (bot); <see cref="AadObjectId"/> is the stable Entra id.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The user's Entra object id; key users on this, never on <see cref="Id"/> (§1.2).</summary>
    public string? AadObjectId { get; init; }

    public string? Role { get; init; }

    /// <summary>Unknown members, kept so a round trip is lossless (§1.7); settable because the serializer fills it.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
