using System.Text.Json;
using System.Text.Json.Serialization;

namespace Norddjurs.TeamsRisk.BotProtocol.Activities;

/// <summary>Teams' <c>channelData</c> (teams-bot-protocol.md §1.3); members we do not model stay in <see cref="AdditionalProperties"/>.</summary>
public sealed record TeamsChannelData
{
    /// <summary>The tenant gate's primary value (§2.2 step 8).</summary>
    public TeamsTenant? Tenant { get; init; }

    /// <summary><c>team.id</c> is the bot's <c>19:…@thread.tacv2</c> id; <c>team.aadGroupId</c> is Graph's team id.</summary>
    public TeamsTeam? Team { get; init; }

    public TeamsChannel? Channel { get; init; }

    /// <summary>e.g. <c>teamMemberAdded</c>, <c>channelRenamed</c>, <c>editMessage</c>.</summary>
    public string? EventType { get; init; }

    public TeamsChannelSettings? Settings { get; init; }

    public TeamsSource? Source { get; init; }

    /// <summary>Unknown members, kept so a round trip is lossless (§1.7); settable because the serializer fills it.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record TeamsTenant(string? Id);

public sealed record TeamsTeam(string? Id, string? Name, string? AadGroupId);

public sealed record TeamsChannel(string? Id, string? Name);

/// <summary><c>selectedChannel</c>: the channel the installer picked when adding the app to a team.</summary>
public sealed record TeamsChannelSettings(TeamsChannel? SelectedChannel);

public sealed record TeamsSource(string? Name);
