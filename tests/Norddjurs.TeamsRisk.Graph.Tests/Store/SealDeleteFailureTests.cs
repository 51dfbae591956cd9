using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Graph.Tests.Support;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.Graph.Tests.Store;

/// <summary>
/// A seal whose deletion of the sealed intents fails (SharePoint keeps answering 503) must leave them listed as consumed on
/// the head; otherwise they read as pending again and the chain records one action twice (design.md §6).
/// </summary>
public sealed class SealDeleteFailureTests
{
    private readonly Emulator _emulator = new();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Intents_a_seal_could_not_delete_are_never_sealed_again_and_go_once_sharepoint_answers()
    {
        var site = await TestSite.ProvisionAsync(_emulator);
        var store = await site.OpenStoreAsync();
        var now = DateTimeOffset.UtcNow;
        var lease = (await store.TryAcquireLeaseAsync(AuditLeases.Sealer, "instance-a", now, TimeSpan.FromMinutes(1), Ct))!;
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(new StoreChange("k-1", [], [AuditChains.Intent(1)], [], null), Ct));

        // Every deletion of an intent fails, through all of the gateway's retries.
        _emulator.AddFault(new FaultRule { Method = "DELETE", Scope = FaultScope.Inner, ListId = site.ListId(ListSchema.AuditIntentsKey), Status = 503, RetryAfter = "0" });
        var first = AuditChain.Seal(null, (await store.ReadPendingAuditIntentsAsync(100, Ct)).Single(), now).Value;
        Assert.IsType<SealResult.Sealed>(await store.SealAsync(lease, [first], null, Ct));

        Assert.Empty(await store.ReadPendingAuditIntentsAsync(100, Ct));

        // The next seal (a new intent) keeps the leftover listed while deletions still fail, then deletes both.
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(new StoreChange("k-2", [], [AuditChains.Intent(2)], [], null), Ct));
        var pending = await store.ReadPendingAuditIntentsAsync(100, Ct);
        Assert.Equal(["entry-2"], pending.Select(i => i.EntryId));
        var second = AuditChain.Seal(first.Head, pending[0], now).Value;
        Assert.IsType<SealResult.Sealed>(await store.SealAsync(lease, [second], first.Head, Ct));
        Assert.Empty(await store.ReadPendingAuditIntentsAsync(100, Ct));

        _emulator.ClearFaults();
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(new StoreChange("k-3", [], [AuditChains.Intent(3)], [], null), Ct));
        pending = await store.ReadPendingAuditIntentsAsync(100, Ct);
        Assert.Equal(["entry-3"], pending.Select(i => i.EntryId));
        var third = AuditChain.Seal(second.Head, pending[0], now).Value;
        Assert.IsType<SealResult.Sealed>(await store.SealAsync(lease, [third], second.Head, Ct));

        Assert.Equal(["entry-1", "entry-2", "entry-3"], (await store.ReadChainAsync(1, 10, Ct)).Select(e => e.Intent.EntryId));
        Assert.Empty(_emulator.Items(site.ListId(ListSchema.AuditIntentsKey)));
        Assert.Empty(await store.ReadPendingAuditIntentsAsync(100, Ct));
    }
}
