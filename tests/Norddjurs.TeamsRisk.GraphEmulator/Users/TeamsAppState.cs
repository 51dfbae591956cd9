using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.GraphEmulator.Users;

/// <summary>An app in the tenant's catalog: catalog id and the manifest id (<c>externalId</c>) (§8.5).</summary>
public sealed record TeamsAppState(string Id, string ExternalId, string DisplayName)
{
    public JsonObject ToJson() =>
        new() { ["id"] = Id, ["externalId"] = ExternalId, ["displayName"] = DisplayName, ["distributionMethod"] = "organization" };
}

/// <summary>The app installed in a user's personal scope, with the 1:1 chat the bot uses.</summary>
public sealed record InstalledApp(string Id, string UserId, TeamsAppState App, string ChatId);

/// <summary>An activity feed notification as recorded for tests (§8.7).</summary>
public sealed record ActivityNotification(string UserId, string ActivityType, string? PreviewText, JsonObject Raw);
