using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Jobs;
using Norddjurs.TeamsRisk.App.Jobs.Idempotency;
using Norddjurs.TeamsRisk.App.Storage;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>
/// design.md §2.2 within <c>Storage:AppliedChangeRetentionDays</c>: the pruning round forgets older applied changes,
/// keeps newer ones answering replays, and runs on one instance at a time under its lease.
/// </summary>
public sealed class AppliedChangePruningTests : IDisposable
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);
    private static CancellationToken Ct => CancellationToken.None;
    private readonly SharedDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_round_prunes_what_is_older_than_the_retention_and_a_replay_within_it_answers_as_the_first_time()
    {
        var store = _database.Open();
        await CommitAsync(store, "old", """{"n":1}""");
        _database.Time.Advance(TimeSpan.FromDays(20));
        await CommitAsync(store, "recent", """{"n":2}""");
        _database.Time.Advance(TimeSpan.FromDays(15));

        var round = await Pruning(store, "instance-a").RunOnceAsync(Ct);
        var replay = await store.CommitAsync(new StoreChange("recent", [], [], [], """{"n":99}"""), Ct);

        Assert.Equal(new PruningRound(true, 1), round);
        Assert.Null(await store.FindAppliedChangeAsync("old", Ct));
        Assert.Equal("""{"n":2}""", Assert.IsType<CommitResult.Replayed>(replay).ResultJson);
    }

    [Fact]
    public async Task A_round_prunes_in_batches_until_nothing_old_is_left()
    {
        var store = _database.Open();
        foreach (var n in Enumerable.Range(0, AppliedChangePruning.BatchSize + 5))
        {
            await CommitAsync(store, $"k-{n}", null);
        }

        _database.Time.Advance(Retention + TimeSpan.FromSeconds(1));

        Assert.Equal(new PruningRound(true, AppliedChangePruning.BatchSize + 5), await Pruning(store, "instance-a").RunOnceAsync(Ct));
        Assert.Equal(new PruningRound(true, 0), await Pruning(store, "instance-a").RunOnceAsync(Ct));
    }

    [Fact]
    public async Task While_one_instance_holds_the_lease_another_prunes_nothing_and_the_lease_is_given_back_after_a_round()
    {
        var (storeA, storeB) = (_database.Open(), _database.Open());
        await CommitAsync(storeA, "old", null);
        _database.Time.Advance(Retention + TimeSpan.FromDays(1));
        var held = await storeA.TryAcquireLeaseAsync(StoreLeases.AppliedChangePruner, "instance-a", _database.Time.GetUtcNow(), TimeSpan.FromMinutes(5), Ct);

        var blocked = await Pruning(storeB, "instance-b").RunOnceAsync(Ct);
        await storeA.ReleaseLeaseAsync(held!, Ct);
        var afterRelease = await Pruning(storeB, "instance-b").RunOnceAsync(Ct);
        var next = await Pruning(storeA, "instance-a").RunOnceAsync(Ct);

        Assert.Equal(new PruningRound(false, 0), blocked);
        Assert.Equal(new PruningRound(true, 1), afterRelease);
        Assert.True(next.Held);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3651)]
    public void A_retention_outside_1_to_3650_days_is_refused_at_start(int days)
    {
        var result = new StorageOptionsValidation().Validate(null, new StorageOptions { AppliedChangeRetentionDays = days });

        Assert.True(result.Failed);
        Assert.Contains("Storage:AppliedChangeRetentionDays", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_retention_defaults_to_30_days()
    {
        var options = new StorageOptions();

        Assert.Equal((30, TimeSpan.FromDays(30)), (options.AppliedChangeRetentionDays, options.AppliedChangeRetention));
        Assert.False(new StorageOptionsValidation().Validate(null, options).Failed);
    }

    private AppliedChangePruning Pruning(IRiskStore store, string instance) =>
        new(store, store, Retention, new JobInstance(instance), _database.Time, NullLogger<AppliedChangePruning>.Instance);

    private static async Task CommitAsync(IRiskStore store, string key, string? result) =>
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(new StoreChange(key, [], [], [], result), Ct));
}
