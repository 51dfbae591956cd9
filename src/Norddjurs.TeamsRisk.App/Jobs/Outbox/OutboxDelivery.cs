using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Jobs.Outbox;

/// <summary>What one dispatcher round did; <see cref="PausedFor"/> is set when pacing ended it early.</summary>
internal sealed record OutboxRound(int Delivered, int Retrying, int Dead, TimeSpan? PausedFor);

/// <summary>
/// One dispatcher round (design.md §5): read the due rows (the store offers only the oldest pending row of each
/// ordering key, so a conversation gets its messages in commit order), claim each by its version so two
/// instances never send one row, send it through its kind's sender, and record the answer: sent, retry later
/// with backoff, or dead with the reason. One loop at a time per instance (the pacer is not thread-safe).
/// </summary>
internal sealed partial class OutboxDelivery(
    IOutbox outbox,
    OutboxSenders senders,
    OutboxOptions options,
    RetryPolicy retryPolicy,
    JobInstance instance,
    TimeProvider time,
    ILogger<OutboxDelivery> logger)
{
    private readonly SendPacer _pacer = new(options.MaxSendsPerSecond);

    /// <summary>The retries this instance scheduled and not yet saw come due: its idle backoff must not sleep past them.</summary>
    private readonly SortedSet<DateTimeOffset> _scheduledRetries = [];

    /// <summary>
    /// The earliest retry this instance scheduled that is still ahead, or null. Another instance's retries it cannot know
    /// without reading them; that instance polls for its own, and this one finds them within its longest idle wait.
    /// </summary>
    public DateTimeOffset? NextKnownRetryAt
    {
        get
        {
            _scheduledRetries.RemoveWhere(at => at <= time.GetUtcNow());
            return _scheduledRetries.Count == 0 ? null : _scheduledRetries.Min;
        }
    }

    private enum RowOutcome
    {
        NotClaimed,
        Delivered,
        Retrying,
        Dead,
    }

    /// <summary>Delivers what is due until nothing is, or until pacing asks to wait.</summary>
    public async Task<OutboxRound> RunOnceAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<RowOutcome, int>();
        while (true)
        {
            var due = await outbox.ReadDueOutboxAsync(time.GetUtcNow(), options.BatchSize, cancellationToken).ConfigureAwait(false);
            var claimedAny = false;
            foreach (var row in due)
            {
                var wait = _pacer.WaitBefore(time.GetUtcNow());
                if (wait > TimeSpan.Zero)
                {
                    return Round(counts, wait);
                }

                var outcome = await DeliverAsync(row, cancellationToken).ConfigureAwait(false);
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
                claimedAny |= outcome != RowOutcome.NotClaimed;
            }

            // Nothing due, or another dispatcher holds all of it: it will finish those rows.
            if (!claimedAny)
            {
                return Round(counts, null);
            }
        }
    }

    private async Task<RowOutcome> DeliverAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var message = row.Message;
        var claimed = await outbox.TryClaimAsync(message.Id, row.Version, instance.Id, time.GetUtcNow() + options.ClaimDuration, cancellationToken)
            .ConfigureAwait(false);
        if (claimed is null)
        {
            return RowOutcome.NotClaimed;
        }

        var sender = senders.For(message.Kind);
        if (sender is null)
        {
            return await DeadAsync(claimed, $"No sender is registered for outbox kind '{message.Kind}'.", cancellationToken).ConfigureAwait(false);
        }

        _pacer.Record(time.GetUtcNow());
        var result = await SendAsync(sender, claimed, cancellationToken).ConfigureAwait(false);
        var attempt = claimed.Attempts + 1;
        switch (result)
        {
            case DeliveryResult.Delivered:
                Recorded(await outbox.MarkSentAsync(message.Id, claimed.Version, time.GetUtcNow(), cancellationToken).ConfigureAwait(false), claimed);
                LogSent(logger, message.Id, message.Kind, attempt);
                return RowOutcome.Delivered;
            case DeliveryResult.Failed failed:
                return await DeadAsync(claimed, failed.Reason, cancellationToken).ConfigureAwait(false);
            case DeliveryResult.RetryLater retry when attempt >= options.MaxAttempts:
                return await DeadAsync(claimed, $"Gave up after {attempt} attempts: {retry.Reason}", cancellationToken).ConfigureAwait(false);
            case DeliveryResult.RetryLater retry:
                var next = time.GetUtcNow() + retryPolicy.DelayAfter(attempt, retry.RetryAfter);
                Recorded(await outbox.MarkRetryAsync(message.Id, claimed.Version, next, retry.Reason, cancellationToken).ConfigureAwait(false), claimed);
                _scheduledRetries.Add(next);
                LogRetrying(logger, message.Id, message.Kind, attempt, next, retry.Reason);
                return RowOutcome.Retrying;
            default:
                throw new InvalidOperationException($"Unknown delivery result {result}.");
        }
    }

    /// <summary>
    /// A sender that throws has a bug or met a fault it did not map; the row is retried like a transient failure,
    /// so one bad row neither stops the dispatcher nor is lost, and max attempts still end it.
    /// </summary>
    private async Task<DeliveryResult> SendAsync(IOutboxSender sender, OutboxRow row, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSenderThrew(logger, exception, row.Message.Id, row.Message.Kind);
            return new DeliveryResult.RetryLater(null, $"The sender failed: {exception.GetType().Name}");
        }
    }

    private async Task<RowOutcome> DeadAsync(OutboxRow claimed, string reason, CancellationToken cancellationToken)
    {
        Recorded(await outbox.MarkDeadAsync(claimed.Message.Id, claimed.Version, reason, time.GetUtcNow(), cancellationToken).ConfigureAwait(false), claimed);
        LogDead(logger, claimed.Message.Id, claimed.Message.Kind, claimed.Message.OrderingKey, reason);
        return RowOutcome.Dead;
    }

    /// <summary>
    /// The claim outlived its duration and another dispatcher took the row over: it will be sent again (at least
    /// once, design.md §5). Worth a warning, not a failure.
    /// </summary>
    private void Recorded(bool applied, OutboxRow claimed)
    {
        if (!applied)
        {
            LogClaimLost(logger, claimed.Message.Id, options.ClaimDuration);
        }
    }

    private static OutboxRound Round(Dictionary<RowOutcome, int> counts, TimeSpan? pausedFor) =>
        new(counts.GetValueOrDefault(RowOutcome.Delivered), counts.GetValueOrDefault(RowOutcome.Retrying), counts.GetValueOrDefault(RowOutcome.Dead), pausedFor);

    [LoggerMessage(3101, LogLevel.Debug, "Outbox message {MessageId} ({Kind}) delivered at attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, string messageId, string kind, int attempt);

    [LoggerMessage(3102, LogLevel.Warning, "Outbox message {MessageId} ({Kind}) failed at attempt {Attempt}; next attempt at {NextAttemptAt}: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string messageId, string kind, int attempt, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(3103, LogLevel.Error, "Outbox message {MessageId} ({Kind}) to {OrderingKey} moved to the dead letters: {Reason}")]
    private static partial void LogDead(ILogger logger, string messageId, string kind, string orderingKey, string reason);

    [LoggerMessage(3104, LogLevel.Warning, "Outbox message {MessageId}: the claim was lost (held longer than {ClaimDuration}); another dispatcher sends it again")]
    private static partial void LogClaimLost(ILogger logger, string messageId, TimeSpan claimDuration);

    [LoggerMessage(3105, LogLevel.Error, "Outbox message {MessageId} ({Kind}): the sender threw; retried like a transient failure")]
    private static partial void LogSenderThrew(ILogger logger, Exception exception, string messageId, string kind);
}
