using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Graph.Tests.Support;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.Graph.Tests.Store;

/// <summary>
/// What the App's sealer and dispatcher pay for a poll that finds nothing (issue 7 item 8; graph-sharepoint.md §7: the
/// jobs leave the budget to the users): one round trip each.
/// </summary>
public sealed class IdlePollTests
{
    private readonly Emulator _emulator = new();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task With_nothing_pending_reading_the_audit_intents_is_one_round_trip_and_the_head_is_not_read()
    {
        var store = await (await TestSite.ProvisionAsync(_emulator)).OpenStoreAsync();
        var before = RoundTrips();

        Assert.Empty(await store.ReadPendingAuditIntentsAsync(100, Ct));

        Assert.Equal(1, RoundTrips() - before);
    }

    [Fact]
    public async Task With_nothing_due_reading_the_outbox_is_one_round_trip()
    {
        var store = await (await TestSite.ProvisionAsync(_emulator)).OpenStoreAsync();
        var before = RoundTrips();

        Assert.Empty(await store.ReadDueOutboxAsync(DateTimeOffset.UtcNow, 50, Ct));

        Assert.Equal(1, RoundTrips() - before);
    }

    [Fact]
    public async Task Pending_intents_are_read_with_the_head_and_what_a_seal_consumed_is_no_longer_pending()
    {
        var store = await (await TestSite.ProvisionAsync(_emulator)).OpenStoreAsync();
        var intents = new[] { AuditChains.Intent(1), AuditChains.Intent(2) };
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(new StoreChange("k-1", [], intents, [], null), Ct));
        var now = DateTimeOffset.UtcNow;
        var lease = await store.TryAcquireLeaseAsync(AuditLeases.Sealer, "instance-a", now, TimeSpan.FromMinutes(1), Ct);
        var before = RoundTrips();

        var pending = await store.ReadPendingAuditIntentsAsync(100, Ct);

        Assert.Equal(2, RoundTrips() - before);
        Assert.Equal(["entry-1", "entry-2"], pending.Select(i => i.EntryId));
        var first = AuditChain.Seal(null, pending[0], now).Value;
        Assert.IsType<SealResult.Sealed>(await store.SealAsync(lease!, [first], null, Ct));
        Assert.Equal(["entry-2"], (await store.ReadPendingAuditIntentsAsync(100, Ct)).Select(i => i.EntryId));
    }

    [Fact]
    public async Task The_sealers_read_takes_the_head_from_finding_the_pending_intents_two_round_trips_and_one_when_idle()
    {
        var store = await (await TestSite.ProvisionAsync(_emulator)).OpenStoreAsync();
        var before = RoundTrips();
        Assert.Empty((await store.ReadSealingWorkAsync(100, Ct)).Intents);
        Assert.Equal(1, RoundTrips() - before);

        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(new StoreChange("k-1", [], [AuditChains.Intent(1)], [], null), Ct));
        await store.HousekeepingSettled();
        before = RoundTrips();
        var work = await store.ReadSealingWorkAsync(100, Ct);

        Assert.Equal(["entry-1"], work.Intents.Select(i => i.EntryId));
        Assert.Null(work.Head);
        Assert.True(RoundTrips() - before == 2, string.Join(" → ", _emulator.RequestLog.Where(e => !e.IsBatchStep).Skip(before).Select(e => e.Method + " " + e.Target)));
    }

    [Fact]
    public async Task A_seal_acts_on_the_head_the_sealer_read_and_the_next_seal_on_the_head_it_cleared_without_reading_it_again()
    {
        var store = await (await TestSite.ProvisionAsync(_emulator)).OpenStoreAsync();
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(new StoreChange("k-1", [], [AuditChains.Intent(1), AuditChains.Intent(2)], [], null), Ct));
        var now = DateTimeOffset.UtcNow;
        var lease = (await store.TryAcquireLeaseAsync(AuditLeases.Sealer, "instance-a", now, TimeSpan.FromMinutes(1), Ct))!;
        var pending = await store.ReadPendingAuditIntentsAsync(100, Ct);
        var genesis = AuditChain.Seal(null, pending[0], now).Value;
        Assert.IsType<SealResult.Sealed>(await store.SealAsync(lease, [genesis], null, Ct));
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(new StoreChange("k-2", [], [AuditChains.Intent(3)], [], null), Ct));
        pending = await store.ReadPendingAuditIntentsAsync(100, Ct);
        var second = AuditChain.Seal(await store.GetChainHeadAsync(Ct), pending[0], now).Value;

        // Lease check and intents in one $batch, entries, head moved (If-Match), intents deleted, head cleared: no read of the head.
        var before = RoundTrips();
        Assert.IsType<SealResult.Sealed>(await store.SealAsync(lease, [second], genesis.Head, Ct));
        Assert.Equal(5, RoundTrips() - before);

        // The next seal acts on the head this one cleared, as the sealer does after a full batch (no read between).
        var third = AuditChain.Seal(second.Head, pending[1], now).Value;
        before = RoundTrips();
        Assert.IsType<SealResult.Sealed>(await store.SealAsync(lease, [third], second.Head, Ct));
        Assert.Equal(5, RoundTrips() - before);

        Assert.Equal(["entry-1", "entry-2", "entry-3"], (await store.ReadChainAsync(1, 10, Ct)).Select(e => e.Intent.EntryId));
        Assert.Equal(third.Head, await store.GetChainHeadAsync(Ct));
        Assert.Empty(await store.ReadPendingAuditIntentsAsync(100, Ct));
    }

    [Fact]
    public async Task A_head_moved_by_another_sealer_since_this_one_last_saw_it_is_refused_by_its_If_Match()
    {
        var site = await TestSite.ProvisionAsync(_emulator);
        var store = await site.OpenStoreAsync();
        var other = await site.OpenStoreAsync();
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(new StoreChange("k-1", [], [AuditChains.Intent(1), AuditChains.Intent(2)], [], null), Ct));
        var now = DateTimeOffset.UtcNow;
        var lease = (await store.TryAcquireLeaseAsync(AuditLeases.Sealer, "instance-a", now, TimeSpan.FromMinutes(1), Ct))!;
        var pending = await store.ReadPendingAuditIntentsAsync(100, Ct);
        var first = AuditChain.Seal(null, pending[0], now).Value;
        Assert.IsType<SealResult.Sealed>(await store.SealAsync(lease, [first], null, Ct));

        // The same holder's twin on another store moves the head on; this store still holds the cleared head of its own seal.
        var twin = AuditChain.Seal(first.Head, pending[1], now).Value;
        Assert.IsType<SealResult.Sealed>(await other.SealAsync(lease, [twin], first.Head, Ct));
        var stale = AuditChain.Seal(first.Head, pending[1], now).Value;

        var moved = Assert.IsType<SealResult.HeadMoved>(await store.SealAsync(lease, [stale], first.Head, Ct));
        Assert.Equal(twin.Head, moved.Actual);
        Assert.Equal(["entry-1", "entry-2"], (await store.ReadChainAsync(1, 10, Ct)).Select(e => e.Intent.EntryId));
    }

    private int RoundTrips() => _emulator.RequestLog.Count(e => !e.IsBatchStep);
}
