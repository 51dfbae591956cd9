using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.GraphEmulator.Users;

/// <summary>An Entra user of the emulated tenant, with an optional manager and the groups it is (transitively) a member of (§8.3).</summary>
public sealed record UserState(
    string Id,
    string UserPrincipalName,
    string DisplayName,
    string? Mail = null,
    string? ManagerId = null,
    string? JobTitle = null,
    string? Department = null,
    IReadOnlyList<string>? GroupIds = null)
{
    public JsonObject ToJson() =>
        new()
        {
            ["@odata.type"] = "#microsoft.graph.user",
            ["id"] = Id,
            ["userPrincipalName"] = UserPrincipalName,
            ["displayName"] = DisplayName,
            ["mail"] = Mail,
            ["jobTitle"] = JobTitle,
            ["department"] = Department,
        };
}

/// <summary>A message accepted by <c>POST /users/{id}/sendMail</c>, as recorded for tests (§8.4).</summary>
public sealed record SentMail(string FromUser, string Subject, IReadOnlyList<string> To, string? Body, bool SaveToSentItems, JsonObject Raw);
