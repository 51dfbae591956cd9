using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Workflows.Queries;

/// <summary>
/// Who may read what (design.md §4), for the reads no use case offers: the committee, coordinator, auditor and
/// directorate read every system; anyone else only the systems they own or deputise. The area manager acts on
/// escalations, which reach them by message; the register lists stay with the owners.
/// </summary>
public sealed class Visibility(RoleResolver roles)
{
    private static readonly IReadOnlySet<Role> ReadEverything = new HashSet<Role> { Role.Committee, Role.Coordinator, Role.Auditor, Role.Directorate };

    public async Task<bool> SeesAllAsync(Actor actor, CancellationToken cancellationToken) =>
        (await roles.GlobalRolesAsync(actor, cancellationToken).ConfigureAwait(false)).Overlaps(ReadEverything);

    public Task<bool> OwnsAsync(Actor actor, CriticalSystem system, CancellationToken cancellationToken) =>
        roles.IsSystemOwnerAsync(actor, system, cancellationToken);

    /// <summary>The systems this actor may read, in the order given.</summary>
    public async Task<IReadOnlyList<CriticalSystem>> FilterAsync(Actor actor, IEnumerable<CriticalSystem> systems, CancellationToken cancellationToken)
    {
        if (await SeesAllAsync(actor, cancellationToken).ConfigureAwait(false))
        {
            return [.. systems];
        }

        var visible = new List<CriticalSystem>();
        foreach (var system in systems)
        {
            if (await OwnsAsync(actor, system, cancellationToken).ConfigureAwait(false))
            {
                visible.Add(system);
            }
        }

        return visible;
    }

    /// <summary>Whether the actor holds any of the roles, globally.</summary>
    public async Task<bool> HoldsAnyAsync(Actor actor, IReadOnlySet<Role> wanted, CancellationToken cancellationToken) =>
        (await roles.GlobalRolesAsync(actor, cancellationToken).ConfigureAwait(false)).Overlaps(wanted);
}
