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

    private int RoundTrips() => _emulator.RequestLog.Count(e => !e.IsBatchStep);
}
