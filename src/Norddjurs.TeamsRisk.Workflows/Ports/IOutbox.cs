namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// The dispatcher's view of the outbox (design.md §5). Rows are written by <see cref="IDocumentStore.CommitAsync"/>;
/// here they are claimed, delivered, retried and dead-lettered. Every transition names the version it expects,
/// so two dispatchers on two instances never both act on one row.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Rows ready at <paramref name="now"/>: pending, due, not claimed by a live claim, and the first undelivered
    /// row of their ordering key (a conversation sees its messages in commit order). Oldest first.
    /// </summary>
    Task<IReadOnlyList<OutboxRow>> ReadDueOutboxAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the row until <paramref name="claimedUntil"/> if its version is still <paramref name="expectedVersion"/>;
    /// the claimed row (new version) or null when another dispatcher won. An expired claim can be taken over, so a
    /// crashed dispatcher's row is sent again (at least once).
    /// </summary>
    Task<OutboxRow?> TryClaimAsync(string messageId, long expectedVersion, string claimant, DateTimeOffset claimedUntil, CancellationToken cancellationToken);

    /// <summary>Delivered (the attempt is counted); false when the version moved (the claim was lost).</summary>
    Task<bool> MarkSentAsync(string messageId, long expectedVersion, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>Failed for now: counts the attempt, keeps the error and releases the claim until <paramref name="nextAttemptAt"/>.</summary>
    Task<bool> MarkRetryAsync(string messageId, long expectedVersion, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>
    /// Retries exhausted or the error is final (blocked, uninstalled). A dead row no longer holds back its ordering
    /// key: the conversation's later messages still go, and the coordinator reads the reason.
    /// </summary>
    Task<bool> MarkDeadAsync(string messageId, long expectedVersion, string reason, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> dead rows, oldest first, for the coordinator.</summary>
    Task<IReadOnlyList<OutboxRow>> ReadDeadLettersAsync(int max, CancellationToken cancellationToken);
}
