using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>The token claims a person is read from (design.md §4: the object id decides, in a tenant), unmapped by JwtBearer.</summary>
internal static class ActorClaims
{
    public const string ObjectId = "oid";
    public const string TenantId = "tid";
    public const string Name = "name";
    public const string Username = "preferred_username";
    public const string Roles = "roles";

    public static bool TryGetActor(this ClaimsPrincipal principal, [NotNullWhen(true)] out Actor? actor)
    {
        var objectId = principal.FindFirstValue(ObjectId);
        var tenantId = principal.FindFirstValue(TenantId);
        actor = string.IsNullOrWhiteSpace(objectId) || string.IsNullOrWhiteSpace(tenantId)
            ? null
            : new Actor(tenantId, objectId, principal.FindFirstValue(Name),
                principal.FindAll(Roles).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
        return actor is not null;
    }
}
