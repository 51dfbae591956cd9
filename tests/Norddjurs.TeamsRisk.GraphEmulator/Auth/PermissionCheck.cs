using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;
using Norddjurs.TeamsRisk.GraphEmulator.Sites;

namespace Norddjurs.TeamsRisk.GraphEmulator.Auth;

/// <summary>
/// The optional strict mode of §10.1: a bearer token must be present and carry, in <c>roles</c> (app-only) or
/// <c>scp</c> (delegated), one of the least-privileged permissions of §8.1 for the route, else 401/403 like Graph.
/// With <c>Sites.Selected</c> the site must have granted the token's app a role (§8.2): read for reads, write for
/// item writes, manage/fullcontrol for lists and columns. Signatures are not checked: this is about permissions.
/// </summary>
internal static class PermissionCheck
{
    private static readonly string[] SiteRead = ["Sites.Read.All", "Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All"];
    private static readonly string[] SiteWrite = ["Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All"];
    private static readonly string[] SiteManage = ["Sites.Manage.All", "Sites.FullControl.All"];
    private static readonly string[] SiteFull = ["Sites.FullControl.All"];

    public static void Check(RequestContext context)
    {
        if (!context.Options.StrictAuthentication)
        {
            return;
        }
        var claims = Claims(context.Request.Header("Authorization"))
            ?? throw new GraphException(401, "InvalidAuthenticationToken", "Access token is empty or malformed.");
        var granted = Granted(claims);
        var path = context.Path;
        var (allowed, selectedRole) = Needed(context.Method, path);
        if (allowed.Any(granted.Contains))
        {
            return;
        }
        if (selectedRole is not null && granted.Contains("Sites.Selected") && path.Count > 1
            && SiteResolver.Resolve(context.Emulator.Sites, path).Site is { } site
            && HasGrant(site, AppId(claims), selectedRole))
        {
            return;
        }
        throw new GraphException(403, "accessDenied", "Either scp or roles claim need to be present in the token with a permission for this operation.");
    }

    /// <summary>Permissions that allow the call, and the Sites.Selected role that would (null: none).</summary>
    private static (string[] Allowed, string? SelectedRole) Needed(string method, IReadOnlyList<string> path)
    {
        var read = method == "GET";
        switch (path[0])
        {
            case "sites" when path.Contains("permissions"):
                return (SiteFull, null);
            case "sites" when read:
                return (SiteRead, "read");
            case "sites" when path.Contains("items"):
                return (SiteWrite, "write");
            case "sites":
                return (SiteManage, "manage");
            case "users" when path.Count > 2 && path[2] == "sendMail":
                return (["Mail.Send"], null);
            case "users" when path.Count > 2 && path[2] == "teamwork" && path.Contains("sendActivityNotification"):
            case "teamwork":
                return (["TeamsActivity.Send", "TeamsActivity.Send.User"], null);
            case "users" when path.Count > 2 && path[2] == "teamwork":
                return (read
                    ? ["TeamsAppInstallation.ReadForUser.All", "TeamsAppInstallation.ReadWriteSelfForUser.All", "TeamsAppInstallation.ReadForUser", "TeamsAppInstallation.ReadWriteSelfForUser"]
                    : ["TeamsAppInstallation.ReadWriteSelfForUser.All", "TeamsAppInstallation.ReadWriteSelfForUser"], null);
            case "users" when path.Count > 2 && path[2] == "transitiveMemberOf":
                return (["GroupMember.Read.All", "Group.Read.All", "Directory.Read.All"], null);
            case "users":
                return (["User.Read.All", "User.ReadBasic.All", "User.ReadWrite.All", "Directory.Read.All"], null);
            default:
                return (["Teamwork.Migrate.All", "ChannelMessage.Send"], null);
        }
    }

    private static bool HasGrant(SiteState site, string? appId, string role)
    {
        var ranks = new[] { "read", "write", "manage", "fullcontrol" };
        var needed = Array.IndexOf(ranks, role);
        return site.Permissions.Any(p =>
            (p["grantedToIdentities"] as JsonArray ?? []).Any(i => i?["application"]?["id"]?.GetValue<string>() == appId)
            && (p["roles"] as JsonArray ?? []).Any(r => Array.IndexOf(ranks, r?.GetValue<string>()) >= needed));
    }

    private static HashSet<string> Granted(JsonObject claims)
    {
        var granted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (claims["roles"] is JsonArray roles)
        {
            granted.UnionWith(roles.Select(r => r?.GetValue<string>() ?? ""));
        }
        if (claims["scp"]?.GetValue<string>() is { } scopes)
        {
            granted.UnionWith(scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        return granted;
    }

    private static string? AppId(JsonObject claims) =>
        claims["appid"]?.GetValue<string>() ?? claims["azp"]?.GetValue<string>();

    /// <summary>The payload of a JWT bearer token, unverified; null when there is none or it is not a JWT.</summary>
    public static JsonObject? Claims(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var parts = authorization["Bearer ".Length..].Trim().Split('.');
        if (parts.Length != 3)
        {
            return null;
        }
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))) as JsonObject;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
