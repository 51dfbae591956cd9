using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Queries;

/// <summary>One page of what a reader may see, with the total so a client can page.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>The register as a reader sees it (<see cref="Visibility"/>): a municipality's few hundred systems, filtered in memory.</summary>
public sealed class SystemQueries(IDocumentStore store, Visibility visibility)
{
    public const int MaxPageSize = 200;

    public async Task<Paged<CriticalSystem>> ListAsync(Actor actor, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var all = await store.LoadAllAsync<CriticalSystem>(DocumentKinds.System, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        var visible = await visibility.FilterAsync(actor, all.Select(s => s.Value), cancellationToken).ConfigureAwait(false);
        return new Paged<CriticalSystem>([.. visible.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, visible.Count);
    }

    /// <summary>The system, or null when there is none or the actor may not see it: the two look alike (IDOR).</summary>
    public async Task<CriticalSystem?> FindAsync(Actor actor, string systemId, CancellationToken cancellationToken)
    {
        var system = await store.LoadAsync<CriticalSystem>(DocumentKinds.System, StableIds.SystemDocumentId(systemId), cancellationToken).ConfigureAwait(false);
        if (system is null)
        {
            return null;
        }

        var visible = await visibility.FilterAsync(actor, [system.Value], cancellationToken).ConfigureAwait(false);
        return visible.Count == 1 ? visible[0] : null;
    }
}
