using System.Text;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Method;

/// <summary>
/// The method versions in the store, loaded into memory: rules are read on every card action, so they are served
/// from here, and <see cref="RefreshAsync"/> reloads after a publish or approval (and on start). Until a version is
/// approved there is no active method, and nothing that needs one can start.
/// </summary>
public sealed class StoredMethodVersions(IDocumentStore store) : IMethodVersions
{
    private volatile Snapshot _current = new(null, null, [], []);

    public RiskMethod ActiveMethod => _current.Method ?? throw new InvalidOperationException("No method version is active.");

    public EventCatalogue ActiveCatalogue => _current.Catalogue ?? throw new InvalidOperationException("No method version is active.");

    public bool HasActive => _current.Method is not null && _current.Catalogue is not null;

    public RiskMethod? FindMethod(PinnedVersion pinned) =>
        _current.Methods.FirstOrDefault(m => m.Id == pinned.Id && m.Version == pinned.Version && m.Sha256 == pinned.Sha256);

    public EventCatalogue? FindCatalogue(PinnedVersion pinned) =>
        _current.Catalogues.FirstOrDefault(c => c.Id == pinned.Id && c.Version == pinned.Version && c.Sha256 == pinned.Sha256);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var methods = await store.LoadAllAsync<MethodVersionRecord>(DocumentKinds.MethodVersion, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        var catalogues = await store.LoadAllAsync<CatalogueVersionRecord>(DocumentKinds.CatalogueVersion, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        var loadedMethods = methods.Select(m => (Record: m.Value, Method: Load(m.Value))).Where(m => m.Method is not null).ToList();
        var loadedCatalogues = catalogues.Select(c => CatalogueLoader.Load(Encoding.UTF8.GetBytes(c.Value.CatalogueJson)).ValueOrNull).OfType<EventCatalogue>().ToList();
        var active = loadedMethods.FirstOrDefault(m => m.Record.State == MethodVersionState.Active).Method;
        var activeCatalogue = active is null ? null : loadedCatalogues.FirstOrDefault(c => c.Id == active.EventCatalog.Id && c.Version == active.EventCatalog.Version);
        _current = new Snapshot(active, activeCatalogue, [.. loadedMethods.Select(m => m.Method!)], loadedCatalogues);
    }

    /// <summary>A stored version as a method, with the approval the store records (the document's own may be older).</summary>
    private static RiskMethod? Load(MethodVersionRecord record)
    {
        var method = MethodLoader.Load(Encoding.UTF8.GetBytes(record.MethodJson)).ValueOrNull;
        return method is not null && record.State == MethodVersionState.Active && record.Approval.IsComplete ? method.Approve(record.Approval) : method;
    }

    private sealed record Snapshot(RiskMethod? Method, EventCatalogue? Catalogue, IReadOnlyList<RiskMethod> Methods, IReadOnlyList<EventCatalogue> Catalogues);
}
