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
/// One sealer round (design.md §6): hold the <see cref="AuditLeases.Sealer"/> lease (acquire, or renew what this
/// instance holds once half of it has run out), then seal the pending intents in commit order onto the current head and store them with the
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
    private Lease? _lease;

    /// <summary>
    /// When the lease held must be renewed (half of it run out), or null when this instance holds none: the sealer runs a
    /// round by then however long it has been idle, so its lease never lapses while it waits.
    /// </summary>
    public DateTimeOffset? RenewalDueAt => _lease is { } held ? held.ExpiresAt - (options.LeaseDuration / 2) : null;

    public async Task<SealingRound> RunOnceAsync(CancellationToken cancellationToken)
    {
        var lease = await HoldLeaseAsync(cancellationToken).ConfigureAwait(false);
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
            var intents = await auditLog.ReadPendingAuditIntentsAsync(options.BatchSize, cancellationToken).ConfigureAwait(false);
            if (intents.Count == 0)
            {
                return new SealingRound(SealingOutcome.UpToDate, sealedCount);
            }

            var head = await auditLog.GetChainHeadAsync(cancellationToken).ConfigureAwait(false);

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
                    LogLeaseLost(logger, lease.FencingToken);
                    _lease = null;
                    return new SealingRound(SealingOutcome.LeaseLost, sealedCount);
            }
        }
    }

    /// <summary>Gives the lease up at shutdown so a standby instance need not wait for it to expire.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (_lease is { } lease)
        {
            _lease = null;
            await leases.ReleaseLeaseAsync(lease, cancellationToken).ConfigureAwait(false);
            LogReleased(logger, lease.FencingToken);
        }
    }

    private async Task<Lease?> HoldLeaseAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_lease is { } held)
        {
            // Renewing is a durable write, and a round runs after every commit: while more than half the lease is
            // left, the lease held still fences this round's seal (a takeover changes the fencing token).
            if (held.ExpiresAt - now > options.LeaseDuration / 2)
            {
                return held;
            }

            _lease = await leases.RenewLeaseAsync(held, now, options.LeaseDuration, cancellationToken).ConfigureAwait(false);
            if (_lease is not null)
            {
                return _lease;
            }

            LogLeaseLost(logger, held.FencingToken);
        }

        _lease = await leases.TryAcquireLeaseAsync(AuditLeases.Sealer, instance.Id, now, options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (_lease is not null)
        {
            LogAcquired(logger, instance.Id, _lease.FencingToken);
        }

        return _lease;
    }

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

    [LoggerMessage(3301, LogLevel.Information, "Audit sealer lease acquired by {Holder} (fencing token {FencingToken})")]
    private static partial void LogAcquired(ILogger logger, string holder, long fencingToken);

    [LoggerMessage(3302, LogLevel.Debug, "Sealed {Count} audit entries; head seq {Seq}")]
    private static partial void LogSealed(ILogger logger, int count, long seq);

    [LoggerMessage(3303, LogLevel.Warning, "Audit head moved from seq {Expected} to {Actual} under the seal; reading it again")]
    private static partial void LogHeadMoved(ILogger logger, long expected, long actual);

    [LoggerMessage(3304, LogLevel.Warning, "Audit sealer lease (fencing token {FencingToken}) was lost; another instance seals")]
    private static partial void LogLeaseLost(ILogger logger, long fencingToken);

    [LoggerMessage(3305, LogLevel.Information, "Audit sealer lease (fencing token {FencingToken}) released")]
    private static partial void LogReleased(ILogger logger, long fencingToken);
}
