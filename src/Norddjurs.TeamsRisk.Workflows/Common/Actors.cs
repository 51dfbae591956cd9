using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Workflows.Common;

/// <summary>The actor as the audit trail records them: as they were at the time, with the roles they acted in.</summary>
public static class Actors
{
    public static async Task<AuditActor> DescribeAsync(IDirectory directory, Actor actor, IReadOnlySet<Role> roles, CancellationToken cancellationToken)
    {
        var user = await directory.FindUserAsync(actor.ObjectId, cancellationToken).ConfigureAwait(false);
        return new AuditActor(
            actor.ObjectId,
            user?.Upn ?? string.Empty,
            user?.DisplayName ?? actor.Name ?? actor.ObjectId,
            [.. roles.Select(r => r.Id()).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The scheduler and the automatic transitions act as the app itself.</summary>
    public static AuditActor System { get; } = new("system", string.Empty, "Norddjurs.TeamsRisk", ["system"]);
}
