using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Tab.Common;

/// <summary>
/// The signed-in person as the use cases know them (design.md §4): the token's <c>tid</c> and <c>oid</c>, with its app
/// roles. The same claims the API reads, so the tab and the API decide alike; whatever signed the person in set them.
/// </summary>
public static class TabActor
{
    public static bool TryRead(ClaimsPrincipal? principal, [NotNullWhen(true)] out Actor? actor)
    {
        var objectId = principal?.FindFirst("oid")?.Value;
        var tenantId = principal?.FindFirst("tid")?.Value;
        actor = principal is null || string.IsNullOrWhiteSpace(objectId) || string.IsNullOrWhiteSpace(tenantId)
            ? null
            : new Actor(tenantId, objectId, principal.FindFirst("name")?.Value,
                principal.FindAll("roles").Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
        return actor is not null;
    }
}
