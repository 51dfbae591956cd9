using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Workflows.Identity;

/// <summary>
/// Resolves an actor's roles for one action, on the server, every time (design.md §4): the global roles from
/// group membership or app roles, and the per-system roles from the register record.
/// </summary>
public sealed class RoleResolver(IDirectory directory, RoleGroups groups)
{
    /// <summary>The app roles of the app registration (token claim <c>roles</c>) that grant the global roles.</summary>
    public static IReadOnlyDictionary<string, Role> AppRoles { get; } = new Dictionary<string, Role>(StringComparer.Ordinal)
    {
        ["Committee"] = Role.Committee,
        ["Coordinator"] = Role.Coordinator,
        ["Auditor"] = Role.Auditor,
        ["Directorate"] = Role.Directorate,
    };

    /// <summary>Committee, coordinator, auditor and directorate: what the actor holds regardless of system.</summary>
    public async Task<IReadOnlySet<Role>> GlobalRolesAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var roles = new HashSet<Role>();
        if (!EntraIds.Same(actor.TenantId, directory.TenantId))
        {
            // A person of another tenant is nobody here, whatever their token's app roles say.
            return roles;
        }

        foreach (var appRole in actor.AppRoles)
        {
            if (AppRoles.TryGetValue(appRole, out var role))
            {
                roles.Add(role);
            }
        }

        var memberOf = await directory.GroupIdsAsync(actor.ObjectId, cancellationToken).ConfigureAwait(false);
        AddIfMember(roles, memberOf, groups.CommitteeGroupId, Role.Committee);
        AddIfMember(roles, memberOf, groups.CoordinatorGroupId, Role.Coordinator);
        AddIfMember(roles, memberOf, groups.AuditorGroupId, Role.Auditor);
        AddIfMember(roles, memberOf, groups.DirectorateGroupId, Role.Directorate);
        return roles;
    }

    /// <summary>The global roles plus, for this system, systemOwner (owner or deputy) and areaManager.</summary>
    public async Task<IReadOnlySet<Role>> RolesForSystemAsync(Actor actor, CriticalSystem system, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        var roles = new HashSet<Role>(await GlobalRolesAsync(actor, cancellationToken).ConfigureAwait(false));
        if (!EntraIds.Same(actor.TenantId, directory.TenantId))
        {
            return roles;
        }

        if (await IsSystemOwnerAsync(actor, system, cancellationToken).ConfigureAwait(false))
        {
            roles.Add(Role.SystemOwner);
        }

        if (await IsAreaManagerAsync(actor, system.People, cancellationToken).ConfigureAwait(false))
        {
            roles.Add(Role.AreaManager);
        }

        return roles;
    }

    /// <summary>
    /// Whether the actor holds systemOwner for this system (its owner or deputy): the one role a list of "my systems"
    /// needs, without the group and manager look-ups of <see cref="RolesForSystemAsync"/>.
    /// </summary>
    public async Task<bool> IsSystemOwnerAsync(Actor actor, CriticalSystem system, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(system);
        if (!EntraIds.Same(actor.TenantId, directory.TenantId))
        {
            return false;
        }

        var people = system.People;
        return await IsAsync(actor, people.SystemOwner, cancellationToken).ConfigureAwait(false)
            || (people.DeputyOwner is { } deputy && await IsAsync(actor, deputy, cancellationToken).ConfigureAwait(false));
    }

    private async Task<bool> IsAreaManagerAsync(Actor actor, SystemPeople people, CancellationToken cancellationToken)
    {
        if (people.AreaManager is { } named)
        {
            return await IsAsync(actor, named, cancellationToken).ConfigureAwait(false);
        }

        // No area manager in the register: the owner's Entra manager takes the role (design.md §4).
        var ownerId = await ObjectIdOfAsync(people.SystemOwner, cancellationToken).ConfigureAwait(false);
        if (ownerId is null)
        {
            return false;
        }

        var manager = await directory.FindManagerAsync(ownerId, cancellationToken).ConfigureAwait(false);
        return EntraIds.Same(manager?.ObjectId, actor.ObjectId);
    }

    private async Task<bool> IsAsync(Actor actor, PersonRef person, CancellationToken cancellationToken) =>
        EntraIds.Same(await ObjectIdOfAsync(person, cancellationToken).ConfigureAwait(false), actor.ObjectId);

    /// <summary>The register may name a person by UPN; only the object id decides, so a UPN is looked up first.</summary>
    private async Task<string?> ObjectIdOfAsync(PersonRef person, CancellationToken cancellationToken)
    {
        if (person.ObjectId is { } objectId)
        {
            return objectId.ToString("D");
        }

        var user = await directory.FindUserByUpnAsync(person.Upn!, cancellationToken).ConfigureAwait(false);
        return user?.ObjectId;
    }

    private static void AddIfMember(HashSet<Role> roles, IReadOnlySet<string> memberOf, string? groupId, Role role)
    {
        if (!string.IsNullOrWhiteSpace(groupId) && memberOf.Any(id => EntraIds.Same(id, groupId)))
        {
            roles.Add(role);
        }
    }
}
