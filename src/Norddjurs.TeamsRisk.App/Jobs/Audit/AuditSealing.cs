using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Jobs.Audit;

internal enum SealingOutcome
{
    /// <summary>This instance holds the lease and sealed everything pending (possibly nothing).</summary>
    UpToDate,

    /// <summary>Another instance holds the lease: it seals.</summary>
    NotHolder,

    /// <summary>The lease was taken over during the round: the store refused the seal, nothing was written.</summary>
    LeaseLost,

    /// <summary>The head kept moving under a seal; the next round reads it again.</summary>
    HeadMoving,
}

/// <summary>What one sealing round did.</summary>
internal sealed record SealingRound(SealingOutcome Outcome, int Sealed);

/// <summary>
/// One sealer round (design.md §6): hold the <see cref="AuditLeases.Sealer"/> lease (<see cref="HeldLease"/>: acquire,
/// or renew what this instance holds once half of it has run out), then seal the pending intents in commit order onto the current head and store them with the
/// lease as fencing token, so a sealer that paused past its lease cannot fork the chain. Not thread-safe: one
/// loop per instance.
/// </summary>
internal sealed partial class AuditSealing(
    IAuditLog auditLog,
    ILeases leases,
    AuditOptions options,
    JobInstance instance,
    TimeProvider time,
    ILogger<AuditSealing> logger)
{
    private const int MaxHeadMoves = 3;
    private readonly HeldLease _lease = new(leases, AuditLeases.Sealer, options.LeaseDuration, instance, time, logger);

    /// <inheritdoc cref="HeldLease.RenewalDueAt"/>
    public DateTimeOffset? RenewalDueAt => _lease.RenewalDueAt;

    public async Task<SealingRound> RunOnceAsync(CancellationToken cancellationToken)
    {
        var lease = await _lease.HoldAsync(cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return new SealingRound(SealingOutcome.NotHolder, 0);
        }

        var sealedCount = 0;
        var headMoves = 0;
        while (true)
        {
            // The intents first and the head only when there are some: an idle round is one read (on SharePoint one round
            // trip). Safe in this order because only the lease holder seals: a seal between the two reads is another
            // holder's, and the store refuses ours by the fencing token (or, for an intent no longer pending, outright).
            var (intents, head) = await auditLog.ReadSealingWorkAsync(options.BatchSize, cancellationToken).ConfigureAwait(false);
            if (intents.Count == 0)
            {
                return new SealingRound(SealingOutcome.UpToDate, sealedCount);
            }

            var entries = Seal(head, intents, time.GetUtcNow());
            switch (await auditLog.SealAsync(lease, entries, head, cancellationToken).ConfigureAwait(false))
            {
                case SealResult.Sealed done:
                    sealedCount += entries.Count;
                    LogSealed(logger, entries.Count, done.Head.Seq);

                    // A short batch was all there was: no need to read head and intents again to find nothing (on
                    // SharePoint two round trips). An intent committed meanwhile pulses the sealer into another round.
                    if (intents.Count < options.BatchSize)
                    {
                        return new SealingRound(SealingOutcome.UpToDate, sealedCount);
                    }

                    break;
                case SealResult.HeadMoved moved when ++headMoves < MaxHeadMoves:
                    LogHeadMoved(logger, head?.Seq ?? 0, moved.Actual?.Seq ?? 0);
                    break;
                case SealResult.HeadMoved:
                    return new SealingRound(SealingOutcome.HeadMoving, sealedCount);
                case SealResult.LeaseLost:
                    _lease.Lost();
                    return new SealingRound(SealingOutcome.LeaseLost, sealedCount);
            }
        }
    }

    /// <summary>Gives the lease up at shutdown so a standby instance need not wait for it to expire.</summary>
    public Task ReleaseAsync(CancellationToken cancellationToken) => _lease.ReleaseAsync(cancellationToken);

    /// <summary>
    /// The store refuses at commit what Core would not seal (AuditIntentJson), so a failure here is a fault; the
    /// intent is neither skipped nor dropped, because the chain must record every action.
    /// </summary>
    private static List<AuditEntry> Seal(ChainHead? head, IReadOnlyList<AuditIntent> intents, DateTimeOffset recordedAt)
    {
        var entries = new List<AuditEntry>(intents.Count);
        var previous = head;
        foreach (var intent in intents)
        {
            var entry = AuditChain.Seal(previous, intent, recordedAt);
            if (!entry.IsSuccess)
            {
                throw new InvalidOperationException($"Pending audit intent {intent.EntryId} cannot be sealed: {string.Join("; ", entry.Errors)}");
            }

            entries.Add(entry.Value);
            previous = entry.Value.Head;
        }

        return entries;
    }

    [LoggerMessage(3302, LogLevel.Debug, "Sealed {Count} audit entries; head seq {Seq}")]
    private static partial void LogSealed(ILogger logger, int count, long seq);

    [LoggerMessage(3303, LogLevel.Warning, "Audit head moved from seq {Expected} to {Actual} under the seal; reading it again")]
    private static partial void LogHeadMoved(ILogger logger, long expected, long actual);
}
