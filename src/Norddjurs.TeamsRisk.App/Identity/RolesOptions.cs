using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.App.Identity;

/// <summary><c>Roles:*GroupId</c> (design.md §4, §10): the Entra groups whose members hold the global roles. Unset grants by app role only.</summary>
internal sealed class RolesOptions
{
    public const string Section = "Roles";

    public string? CommitteeGroupId { get; set; }

    public string? CoordinatorGroupId { get; set; }

    public string? AuditorGroupId { get; set; }

    public string? DirectorateGroupId { get; set; }

    public RoleGroups ToRoleGroups() => new(CommitteeGroupId, CoordinatorGroupId, AuditorGroupId, DirectorateGroupId);
}
