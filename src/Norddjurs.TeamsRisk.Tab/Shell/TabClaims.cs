using System.Security.Claims;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Tab.Shell;

/// <summary>
/// The claims App's tab cookie carries: those of the Entra token it was exchanged for (design.md §4: the object id
/// decides, in a tenant) and the Teams locale the page reported.
/// </summary>
public static class TabClaims
{
    public const string ObjectId = "oid";
    public const string TenantId = "tid";
    public const string Name = "name";
    public const string Username = "preferred_username";
    public const string Roles = "roles";
    public const string Locale = "locale";

    public static Actor? ActorOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var objectId = principal.FindFirst(ObjectId)?.Value;
        var tenantId = principal.FindFirst(TenantId)?.Value;
        return string.IsNullOrWhiteSpace(objectId) || string.IsNullOrWhiteSpace(tenantId)
            ? null
            : new Actor(tenantId, objectId, principal.FindFirst(Name)?.Value,
                principal.FindAll(Roles).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}
