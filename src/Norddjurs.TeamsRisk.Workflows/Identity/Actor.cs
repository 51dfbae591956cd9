namespace Norddjurs.TeamsRisk.Workflows.Identity;

/// <summary>
/// The signed-in person behind an action: the token's <c>tid</c>, <c>oid</c>, <c>name</c> and app <c>roles</c>
/// (bot: <c>conversation.tenantId</c> and <c>from.aadObjectId</c>, no app roles). Ids are opaque strings:
/// the Agents Playground's ids are not GUIDs.
/// </summary>
public sealed record Actor(string TenantId, string ObjectId, string? Name, IReadOnlySet<string> AppRoles)
{
    public static Actor Of(string tenantId, string objectId, string? name = null, params string[] appRoles) =>
        new(tenantId, objectId, name, new HashSet<string>(appRoles, StringComparer.Ordinal));
}
