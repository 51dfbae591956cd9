using Norddjurs.TeamsRisk.App.Jobs.Audit;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Workflows.Ports;
using static Norddjurs.TeamsRisk.App.Tests.Jobs.Commits;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>The sealer's rounds (design.md §6): two instances on one SQLite file, one lease, one chain.</summary>
public sealed class AuditSealingTests : IDisposable
{
    private static readonly AuditOptions Options = new();
    private readonly SharedDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Two_sealers_on_one_file_make_one_unbroken_chain_with_every_intent_once_in_commit_order()
    {
        var time = _database.Time;
        var (storeA, storeB) = (_database.Open(), _database.Open());
        var sealerA = Instances.Sealer(storeA, storeA, "instance-a", time);
        var sealerB = Instances.Sealer(storeB, storeB, "instance-b", time);
        var committed = new List<string>();
        var sealedBy = new Dictionary<string, int> { ["instance-a"] = 0, ["instance-b"] = 0 };
        var n = 0;
        Assert.Equal(SealingOutcome.UpToDate, (await sealerA.RunOnceAsync(Ct)).Outcome);
        for (var round = 0; round < 12; round++)
        {
            // Both instances commit, one to three intents per change.
            for (var change = 0; change < 4; change++)
            {
                var intents = Enumerable.Range(0, 1 + ((round + change) % 3)).Select(_ => AuditChains.Intent(++n)).ToArray();
                await RecordAsync(change % 2 == 0 ? storeA : storeB, $"change-{round}-{change}", intents);
                committed.AddRange(intents.Select(i => i.EntryId));
            }

            if (round == 6)
            {
                // Instance A stalls past its lease; B takes over and A must stand by from then on.
                time.Advance(Options.LeaseDuration + TimeSpan.FromSeconds(1));
                sealedBy["instance-b"] += (await sealerB.RunOnceAsync(Ct)).Sealed;
            }

            var rounds = await Task.WhenAll(Task.Run(() => sealerA.RunOnceAsync(Ct)), Task.Run(() => sealerB.RunOnceAsync(Ct)));
            sealedBy["instance-a"] += rounds[0].Sealed;
            sealedBy["instance-b"] += rounds[1].Sealed;
            time.Advance(Options.PollInterval);
        }

        var head = await storeA.GetChainHeadAsync(Ct);
        var chain = await storeB.ReadChainAsync(1, 1000, Ct);
        var verified = AuditChainVerifier.Verify(chain, head);
        Assert.True(verified.IsSuccess, string.Join("; ", verified.Errors));
        Assert.Equal(committed.Count, verified.Value.Count);
        Assert.Equal(committed, chain.Select(e => e.Intent.EntryId));
        Assert.Empty(await storeA.ReadPendingAuditIntentsAsync(10, Ct));
        Assert.True(sealedBy["instance-a"] > 0 && sealedBy["instance-b"] > 0, $"sealed by A {sealedBy["instance-a"]}, by B {sealedBy["instance-b"]}");
        Assert.Equal(committed.Count, sealedBy.Values.Sum());
    }

    [Fact]
    public async Task Only_the_lease_holder_seals_and_the_other_stands_by()
    {
        var time = _database.Time;
        var (storeA, storeB) = (_database.Open(), _database.Open());
        var sealerA = Instances.Sealer(storeA, storeA, "instance-a", time);
        var sealerB = Instances.Sealer(storeB, storeB, "instance-b", time);
        await RecordAsync(storeA, "change-1", AuditChains.Intent(1));

        var holder = await sealerA.RunOnceAsync(Ct);
        await RecordAsync(storeB, "change-2", AuditChains.Intent(2));
        var standby = await sealerB.RunOnceAsync(Ct);
        time.Advance(Options.PollInterval);
        var renewed = await sealerA.RunOnceAsync(Ct);

        Assert.Equal(new SealingRound(SealingOutcome.UpToDate, 1), holder);
        Assert.Equal(new SealingRound(SealingOutcome.NotHolder, 0), standby);
        Assert.Equal(new SealingRound(SealingOutcome.UpToDate, 1), renewed);
        Assert.Equal(new ChainHead(2, (await storeA.ReadChainAsync(2, 1, Ct))[0].Hash), await storeB.GetChainHeadAsync(Ct));
    }

    [Fact]
    public async Task The_holder_renews_its_lease_only_once_half_of_it_has_run_out()
    {
        var time = _database.Time;
        var store = _database.Open();
        var leases = new CountingLeases(store);
        var sealer = Instances.Sealer(store, leases, "instance-a", time);
        await sealer.RunOnceAsync(Ct);

        for (var i = 1; i <= 3; i++)
        {
            await RecordAsync(store, $"change-{i}", AuditChains.Intent(i));
            Assert.Equal(new SealingRound(SealingOutcome.UpToDate, 1), await sealer.RunOnceAsync(Ct));
        }

        Assert.Equal(0, leases.Renewals);
        time.Advance(Options.LeaseDuration / 2);
        await sealer.RunOnceAsync(Ct);
        Assert.Equal(1, leases.Renewals);
    }

    [Fact]
    public async Task A_sealer_whose_lease_was_taken_over_while_it_paused_cannot_seal()
    {
        var time = _database.Time;
        var (storeA, storeB) = (_database.Open(), _database.Open());
        var sealerB = Instances.Sealer(storeB, storeB, "instance-b", time);

        // A pauses after reading the pending intents (a long GC, a frozen VM) until B has taken the lease over.
        var pausingLog = new AuditLogThatPausesAfterReading(storeA, async () =>
        {
            time.Advance(Options.LeaseDuration + TimeSpan.FromSeconds(1));
            Assert.Equal(new SealingRound(SealingOutcome.UpToDate, 1), await sealerB.RunOnceAsync(Ct));
        });
        var sealerA = Instances.Sealer(pausingLog, storeA, "instance-a", time);
        Assert.Equal(new SealingRound(SealingOutcome.UpToDate, 0), await sealerA.RunOnceAsync(Ct));
        await RecordAsync(storeA, "change-1", AuditChains.Intent(1));
        pausingLog.PauseNextRead = true;

        var stale = await sealerA.RunOnceAsync(Ct);
        var after = await sealerA.RunOnceAsync(Ct);

        Assert.Equal(new SealingRound(SealingOutcome.LeaseLost, 0), stale);
        Assert.Equal(new SealingRound(SealingOutcome.NotHolder, 0), after);
        var chain = await storeA.ReadChainAsync(1, 10, Ct);
        Assert.Equal(["entry-1"], chain.Select(e => e.Intent.EntryId));
        Assert.True(AuditChainVerifier.Verify(chain, await storeA.GetChainHeadAsync(Ct)).IsSuccess);
    }

    [Fact]
    public async Task A_sealer_that_finds_the_head_moved_reads_it_again_and_seals_nothing_twice()
    {
        var time = _database.Time;
        var (storeA, storeB) = (_database.Open(), _database.Open());

        // A second sealer object under the same holder (the same lease) seals while the first one pauses after reading the head.
        var twin = Instances.Sealer(storeB, storeB, "instance-a", time);
        var pausingLog = new AuditLogThatPausesAfterReading(storeA, async () =>
            Assert.Equal(new SealingRound(SealingOutcome.UpToDate, 2), await twin.RunOnceAsync(Ct)));
        var sealer = Instances.Sealer(pausingLog, storeA, "instance-a", time);
        await RecordAsync(storeA, "change-1", AuditChains.Intent(1), AuditChains.Intent(2));
        pausingLog.PauseNextHeadRead = true;

        var round = await sealer.RunOnceAsync(Ct);
        await RecordAsync(storeA, "change-2", AuditChains.Intent(3));
        var next = await sealer.RunOnceAsync(Ct);

        Assert.Equal(new SealingRound(SealingOutcome.UpToDate, 0), round);
        Assert.Equal(new SealingRound(SealingOutcome.UpToDate, 1), next);
        var chain = await storeA.ReadChainAsync(1, 10, Ct);
        Assert.Equal(["entry-1", "entry-2", "entry-3"], chain.Select(e => e.Intent.EntryId));
        Assert.True(AuditChainVerifier.Verify(chain, await storeA.GetChainHeadAsync(Ct)).IsSuccess);
    }

    [Fact]
    public async Task A_released_lease_lets_the_standby_seal_at_once()
    {
        var time = _database.Time;
        var (storeA, storeB) = (_database.Open(), _database.Open());
        var sealerA = Instances.Sealer(storeA, storeA, "instance-a", time);
        var sealerB = Instances.Sealer(storeB, storeB, "instance-b", time);
        await sealerA.RunOnceAsync(Ct);
        await RecordAsync(storeA, "change-1", AuditChains.Intent(1));

        await sealerA.ReleaseAsync(Ct);
        var standby = await sealerB.RunOnceAsync(Ct);

        Assert.Equal(new SealingRound(SealingOutcome.UpToDate, 1), standby);
    }

    [Fact]
    public async Task Intents_beyond_one_batch_are_all_sealed_in_one_round()
    {
        var store = _database.Open();
        var sealer = Instances.Sealer(store, store, "instance-a", _database.Time, new AuditOptions { BatchSize = 4 });
        await RecordAsync(store, "import-1", [.. Enumerable.Range(1, 10).Select(n => AuditChains.Intent(n))]);

        var round = await sealer.RunOnceAsync(Ct);

        Assert.Equal(new SealingRound(SealingOutcome.UpToDate, 10), round);
        Assert.Equal(10, (await store.GetChainHeadAsync(Ct))!.Seq);
    }

    /// <summary>The real audit log, except that one read of the pending intents or of the head is followed by a pause in which others act.</summary>
    private sealed class AuditLogThatPausesAfterReading(SqliteRiskStore inner, Func<Task> pause) : IAuditLog
    {
        public bool PauseNextRead { get; set; }

        public bool PauseNextHeadRead { get; set; }

        public async Task<IReadOnlyList<AuditIntent>> ReadPendingAuditIntentsAsync(int max, CancellationToken cancellationToken)
        {
            var intents = await inner.ReadPendingAuditIntentsAsync(max, cancellationToken);
            if (PauseNextRead)
            {
                PauseNextRead = false;
                await pause();
            }

            return intents;
        }

        public Task<SealResult> SealAsync(Lease lease, IReadOnlyList<AuditEntry> entries, ChainHead? expectedHead, CancellationToken cancellationToken) =>
            inner.SealAsync(lease, entries, expectedHead, cancellationToken);

        public async Task<ChainHead?> GetChainHeadAsync(CancellationToken cancellationToken)
        {
            var head = await inner.GetChainHeadAsync(cancellationToken);
            if (PauseNextHeadRead)
            {
                PauseNextHeadRead = false;
                await pause();
            }

            return head;
        }

        public Task<IReadOnlyList<AuditEntry>> ReadChainAsync(long fromSeq, int max, CancellationToken cancellationToken) =>
            inner.ReadChainAsync(fromSeq, max, cancellationToken);
    }
}

/// <summary>Counts renewals (each one is a durable write) and all lease calls (on SharePoint each is at least one round trip).</summary>
internal sealed class CountingLeases(ILeases inner) : ILeases
{
    private int _renewals;
    private int _calls;

    public int Renewals => Volatile.Read(ref _renewals);

    public int Calls => Volatile.Read(ref _calls);

    public Task<Lease?> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return inner.TryAcquireLeaseAsync(name, holder, now, ttl, cancellationToken);
    }

    public Task<Lease?> RenewLeaseAsync(Lease lease, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Increment(ref _renewals);
        return inner.RenewLeaseAsync(lease, now, ttl, cancellationToken);
    }

    public Task<bool> ReleaseLeaseAsync(Lease lease, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return inner.ReleaseLeaseAsync(lease, cancellationToken);
    }
}
