using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Graph.Tests.Support;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>
/// The contract on SharePoint lists, through the real Graph SDK against the in-process emulator. A second instance is a
/// second store with its own client on the same site; a change failing halfway is a batch step the emulator fails.
/// </summary>
public sealed class GraphRiskStoreTests : RiskStoreContract, IAsyncLifetime
{
    private readonly Emulator _emulator = new();
    private TestSite _site = null!;
    private GraphRiskStore _store = null!;
    private GraphRiskStore _second = null!;
    private GraphRiskStore _failing = null!;

    protected override IRiskStore Store => _store;

    public async Task InitializeAsync()
    {
        _site = await TestSite.ProvisionAsync(_emulator);
        _store = await _site.OpenStoreAsync(Clock);
        _second = await _site.OpenStoreAsync(Clock);
        _failing = await _site.OpenStoreAsync(Clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected override IRiskStore OpenSecondInstance() => _second;

    /// <summary>
    /// The change's first write lands, then the batch step after the given one fails once: "document" fails the first audit
    /// intent's create, "audit" and "outbox" fail the applied-change row (the commit point), so all that came before stays pending.
    /// </summary>
    protected override IRiskStore OpenFailingAfter(string step)
    {
        var list = step == "document" ? ListSchema.AuditIntentsKey : ListSchema.AppliedChangesKey;
        _emulator.AddFault(new FaultRule { Method = "POST", ListId = _site.ListId(list), Scope = FaultScope.Inner, Status = 500, Times = 1 });
        return _failing;
    }
}
