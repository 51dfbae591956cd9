using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Jobs.Idempotency;

/// <summary>What one pruning round did: whether this instance held the lease, and how many records went.</summary>
internal sealed record PruningRound(bool Held, int Pruned);

/// <summary>
/// One pruning round (design.md §2.2 within a retention): under the <see cref="StoreLeases.AppliedChangePruner"/>
/// lease, so only one instance deletes at a time, forget the applied-change records older than the retention in
/// short batches, then give the lease back. Pruning twice is harmless; the lease only keeps instances from
/// contending for the same rows.
/// </summary>
internal sealed partial class AppliedChangePruning(
    IDocumentStore store,
    ILeases leases,
    TimeSpan retention,
    JobInstance instance,
    TimeProvider time,
    ILogger<AppliedChangePruning> logger)
{
    public const int BatchSize = 1000;

    /// <summary>Long enough for any round; a crashed holder's lease frees itself within it.</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    public async Task<PruningRound> RunOnceAsync(CancellationToken cancellationToken)
    {
        var lease = await leases.TryAcquireLeaseAsync(StoreLeases.AppliedChangePruner, instance.Id, time.GetUtcNow(), LeaseDuration, cancellationToken)
            .ConfigureAwait(false);
        if (lease is null)
        {
            return new PruningRound(false, 0);
        }

        try
        {
            var cutoff = time.GetUtcNow() - retention;
            var total = 0;
            int pruned;
            do
            {
                pruned = await store.PruneAppliedChangesAsync(cutoff, BatchSize, cancellationToken).ConfigureAwait(false);
                total += pruned;
            }
            while (pruned == BatchSize && !cancellationToken.IsCancellationRequested);

            if (total > 0)
            {
                LogPruned(logger, total, cutoff);
            }

            return new PruningRound(true, total);
        }
        finally
        {
            await leases.ReleaseLeaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
        }
    }

    [LoggerMessage(3501, LogLevel.Information, "Pruned {Count} applied-change records applied before {Cutoff}")]
    private static partial void LogPruned(ILogger logger, int count, DateTimeOffset cutoff);
}
