using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Jobs;
using Norddjurs.TeamsRisk.App.Jobs.Audit;
using Norddjurs.TeamsRisk.App.Jobs.Outbox;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Workflows.Ports;
using static Norddjurs.TeamsRisk.App.Tests.Jobs.Commits;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>
/// The hosted sealer and dispatcher on a SQLite file and a fake clock (issue 7 item 8): idle they poll less and less, up to
/// their maximum; a commit here or work found brings them back to the short interval; a due retry and the lease renewal
/// still come on time; a throttled round still waits Graph's advice.
/// </summary>
public sealed class IdleBackoffTests : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly SharedDatabase _database = new();
    private readonly CommitSignal _signal = new();

    public IdleBackoffTests() => Clock = new WaitRecordingClock(_database.Time);

    private WaitRecordingClock Clock { get; }

    public void Dispose() => _database.Dispose();

    [Fact]
    public void The_wait_doubles_from_the_interval_to_the_maximum_and_work_brings_it_back()
    {
        var backoff = new IdleBackoff(5 * Second, 30 * Second);

        var idle = Enumerable.Range(0, 6).Select(_ => backoff.After(foundWork: false)).ToList();
        var afterWork = backoff.After(foundWork: true);
        var idleAgain = backoff.After(foundWork: false);
        backoff.Reset();

        Assert.Equal([5 * Second, 10 * Second, 20 * Second, 30 * Second, 30 * Second, 30 * Second], idle);
        Assert.Equal(5 * Second, afterWork);
        Assert.Equal(5 * Second, idleAgain);
        Assert.Equal(5 * Second, backoff.After(foundWork: false));
    }

    [Fact]
    public async Task An_idle_sealer_backs_off_to_its_maximum_renews_its_lease_in_time_and_a_commit_or_found_work_brings_it_back()
    {
        var store = _database.Open();
        var leases = new CountingLeases(store);
        var sealer = Sealer(new CountingAuditLog(store), leases);
        await sealer.StartAsync(Ct);
        try
        {
            // Lease 30 s, renewed once half of it has run out: from 15 s on, every idle round is a renewal (15, 30, 45, 60 s).
            Assert.Equal([5, 10, 15, 15, 15], await PassWaitsAsync(5));
            Assert.Equal(15 * Second, await Clock.NextWaitAsync());
            Assert.Equal(4, leases.Renewals);

            // A commit in this process: the batch window, a round, the short interval again, then up to the renewal at 75 s.
            _signal.Intents.Fire();
            Assert.Equal([1, 5, 9], await PassWaitsAsync(3));

            // Another instance's commit (no pulse here) is found at the next poll, and that work resets the backoff.
            Assert.Equal(15 * Second, await Clock.NextWaitAsync());
            await RecordAsync(_database.Open(), "change-elsewhere", AuditChains.Intent(1));
            _database.Time.Advance(15 * Second);
            Assert.Equal(5 * Second, await Clock.NextWaitAsync());
            Assert.Equal(1, (await store.GetChainHeadAsync(Ct))?.Seq);
            Assert.Equal(6, leases.Renewals);
        }
        finally
        {
            await sealer.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task The_sealers_idle_round_is_one_read_of_the_pending_intents()
    {
        var store = _database.Open();
        var auditLog = new CountingAuditLog(store);
        var leases = new CountingLeases(store);
        var sealing = new AuditSealing(auditLog, leases, new AuditOptions(), new JobInstance("instance-a"), Clock, NullLogger<AuditSealing>.Instance);
        await RecordAsync(store, "change-1", AuditChains.Intent(1));
        Assert.Equal(new SealingRound(SealingOutcome.UpToDate, 1), await sealing.RunOnceAsync(Ct));
        var (readsBefore, leaseCallsBefore) = (auditLog.Reads, leases.Calls);

        _database.Time.Advance(5 * Second);
        Assert.Equal(new SealingRound(SealingOutcome.UpToDate, 0), await sealing.RunOnceAsync(Ct));

        Assert.Equal(1, auditLog.Reads - readsBefore);
        Assert.Equal(0, leases.Calls - leaseCallsBefore);
    }

    [Fact]
    public async Task A_throttled_round_waits_what_Graph_advised_deaf_to_commits_then_polls_at_the_interval()
    {
        var store = _database.Open();
        var auditLog = new CountingAuditLog(store);
        var sealer = Sealer(auditLog, store);
        await sealer.StartAsync(Ct);
        try
        {
            Assert.Equal([5, 10], await PassWaitsAsync(2));
            Assert.Equal(15 * Second, await Clock.NextWaitAsync());
            auditLog.FailNextRead = new InvalidOperationException("round failed", new GraphStoreException(GraphStoreFault.Throttled, 429, "throttled", retryAfter: 120 * Second));
            _database.Time.Advance(15 * Second);
            Assert.Equal(120 * Second, await Clock.NextWaitAsync());
            var readsDuringPause = auditLog.Reads;

            _signal.Intents.Fire();
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            Assert.False(Clock.HasUnreadWait, "a commit cut the throttle pause short");
            Assert.Equal(readsDuringPause, auditLog.Reads);

            _database.Time.Advance(120 * Second);
            Assert.Equal(5 * Second, await Clock.NextWaitAsync());
        }
        finally
        {
            await sealer.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task An_idle_dispatcher_backs_off_to_its_maximum_and_a_commit_brings_it_back()
    {
        var store = _database.Open();
        var sender = new RecordingSender("instance-a", Clock);
        var dispatcher = Dispatcher(store, sender);
        await dispatcher.StartAsync(Ct);
        try
        {
            Assert.Equal([5, 10, 20, 30, 30], await PassWaitsAsync(5));
            Assert.Equal(30 * Second, await Clock.NextWaitAsync());

            // The batch window, the round that sends it, one idle round at the interval, then doubling again.
            await new CommitSignallingStore(store, _signal).CommitAsync(new StoreChange("change-1", [], [], [Invitation("oid-anne").ToOutbox("change-1", 0, Clock.GetUtcNow())], null), Ct);
            Assert.Equal([1, 5, 5, 10], await PassWaitsAsync(4));
            Assert.Single(sender.Log);
        }
        finally
        {
            await dispatcher.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task A_retry_is_sent_when_due_however_far_the_dispatcher_has_backed_off()
    {
        var store = _database.Open();
        var started = Clock.GetUtcNow();
        var message = await SendAsync(store, "change-1", Invitation("oid-anne").ToOutbox("change-1", 0, started));
        var sender = new RecordingSender("instance-a", Clock).Answer(message.Id, new DeliveryResult.RetryLater(90 * Second, "Teams said 429"));
        var dispatcher = Dispatcher(store, sender);
        await dispatcher.StartAsync(Ct);
        try
        {
            // Sent at once and refused until 90 s; then 5 + 5 + 10 + 20 + 30 = 70 s of polls, and only the 20 s left to the retry.
            Assert.Equal([5, 5, 10, 20, 30, 20], await PassWaitsAsync(6));
            Assert.Equal(5 * Second, await Clock.NextWaitAsync());

            Assert.Equal([(1, started), (2, started + (90 * Second))], sender.Log.Select(d => (d.Attempt, d.At)));
        }
        finally
        {
            await dispatcher.StopAsync(Ct);
        }
    }

    private AuditSealer Sealer(IAuditLog auditLog, ILeases leases)
    {
        var options = new AuditOptions();
        var sealing = new AuditSealing(auditLog, leases, options, new JobInstance("instance-a"), Clock, NullLogger<AuditSealing>.Instance);
        return new AuditSealer(sealing, _signal, Options.Create(options), Clock, NullLogger<AuditSealer>.Instance);
    }

    private OutboxDispatcher Dispatcher(IOutbox outbox, RecordingSender sender)
    {
        var options = new OutboxOptions();
        var delivery = new OutboxDelivery(
            outbox,
            new OutboxSenders([new OutboxSenderRegistration(OutboxKinds.TeamsSend, sender)]),
            options,
            new RetryPolicy(options.RetryBaseDelay, options.RetryMaxDelay, Instances.NoJitter),
            new JobInstance("instance-a"),
            Clock,
            NullLogger<OutboxDelivery>.Instance);
        return new OutboxDispatcher(delivery, _signal, Options.Create(options), Clock, NullLogger<OutboxDispatcher>.Instance);
    }

    /// <summary>Lets the job's next waits pass one by one; returns them in whole seconds.</summary>
    private async Task<List<double>> PassWaitsAsync(int count)
    {
        var waits = new List<double>();
        for (var i = 0; i < count; i++)
        {
            waits.Add((await Clock.PassNextWaitAsync()).TotalSeconds);
        }

        return waits;
    }
}
