using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Sites;

/// <summary>
/// <c>…/sites/{id}/permissions</c> for Sites.Selected grants (§8.2): create accepts only <c>read</c>/<c>write</c>;
/// a PATCH may raise the role afterwards.
/// </summary>
internal static class PermissionsEndpoint
{
    private static readonly string[] CreateRoles = ["read", "write"];
    private static readonly string[] PatchRoles = ["read", "write", "manage", "fullcontrol"];

    public static EmulatorResponse Handle(RequestContext context, SiteState site, IReadOnlyList<string> rest)
    {
        switch (rest.Count, context.Method)
        {
            case (0, "GET"):
                return EmulatorResponse.Json(200, new JsonObject { ["value"] = new JsonArray(site.Permissions.Select(p => p.DeepClone()).ToArray()) });
            case (0, "POST"):
                var body = Json.ParseObject(context.Request.Body);
                var permission = new JsonObject
                {
                    ["id"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
                    ["roles"] = Roles(body, CreateRoles),
                    ["grantedToIdentities"] = Json.Get(body, "grantedToIdentities")?.DeepClone(),
                    ["grantedToIdentitiesV2"] = Json.Get(body, "grantedToIdentities")?.DeepClone(),
                };
                site.Permissions.Add(permission);
                return EmulatorResponse.Json(201, permission.DeepClone());
            case (1, "PATCH"):
                var existing = site.Permissions.FirstOrDefault(p => p["id"]!.GetValue<string>() == rest[0]) ?? throw GraphException.NotFound(rest[0]);
                existing["roles"] = Roles(Json.ParseObject(context.Request.Body), PatchRoles);
                return EmulatorResponse.Json(200, existing.DeepClone());
            case (1, "DELETE"):
                site.Permissions.RemoveAll(p => p["id"]!.GetValue<string>() == rest[0]);
                return EmulatorResponse.NoContent();
            default:
                throw context.Unsupported();
        }
    }

    private static JsonArray Roles(JsonObject body, string[] allowed)
    {
        var roles = (Json.Get(body, "roles") as JsonArray)?.Select(r => r?.ToString() ?? "").ToList() ?? [];
        if (roles.Count == 0 || roles.Any(r => !allowed.Contains(r, StringComparer.Ordinal)))
        {
            throw GraphException.Invalid("Invalid value for role");
        }
        return new JsonArray(roles.Select(r => (JsonNode)r).ToArray());
    }
}
