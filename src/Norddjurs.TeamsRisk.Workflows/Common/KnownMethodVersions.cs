using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Workflows.Common;

/// <summary>The method versions held in memory: the active pair first, earlier pairs that open assessments may still pin after it.</summary>
public sealed class KnownMethodVersions(RiskMethod active, EventCatalogue activeCatalogue, IEnumerable<RiskMethod>? earlier = null, IEnumerable<EventCatalogue>? earlierCatalogues = null)
    : IMethodVersions
{
    private readonly List<RiskMethod> _methods = [active, .. earlier ?? []];
    private readonly List<EventCatalogue> _catalogues = [activeCatalogue, .. earlierCatalogues ?? []];

    public bool HasActive => true;

    public RiskMethod ActiveMethod => active;

    public EventCatalogue ActiveCatalogue => activeCatalogue;

    public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public RiskMethod? FindMethod(PinnedVersion pinned) =>
        _methods.FirstOrDefault(m => m.Id == pinned.Id && m.Version == pinned.Version && m.Sha256 == pinned.Sha256);

    public EventCatalogue? FindCatalogue(PinnedVersion pinned) =>
        _catalogues.FirstOrDefault(c => c.Id == pinned.Id && c.Version == pinned.Version && c.Sha256 == pinned.Sha256);
}
