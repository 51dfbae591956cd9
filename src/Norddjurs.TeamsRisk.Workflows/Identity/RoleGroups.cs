namespace Norddjurs.TeamsRisk.Workflows.Identity;

/// <summary>The Entra groups whose members hold the global roles (settings <c>Roles:*GroupId</c>, design.md §4 and §10). A null group grants nothing.</summary>
public sealed record RoleGroups(string? CommitteeGroupId, string? CoordinatorGroupId, string? AuditorGroupId, string? DirectorateGroupId)
{
    public static RoleGroups None { get; } = new(null, null, null, null);
}
