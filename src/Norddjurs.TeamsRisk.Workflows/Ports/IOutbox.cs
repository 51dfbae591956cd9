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
    Task<bool> MarkDeadAsync(string messageId, long expectedVersion, string reason, DateTimeOffset deadAt, CancellationToken cancellationToken);

    /// <summary>
    /// One page of dead rows for the coordinator, oldest first (commit order). The token is opaque: pass the previous
    /// page's <see cref="OutboxPage.ContinuationToken"/> to read on; a token this store did not issue is an argument error.
    /// </summary>
    Task<OutboxPage> ReadDeadLettersAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>The row with its delivery state, or null when there is none with that id.</summary>
    Task<OutboxRow?> GetOutboxRowAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a dead row back to pending (attempts reset, due at <paramref name="nextAttemptAt"/>, the last error kept
    /// for the record) together with <paramref name="change"/> — the audit intent that says who requeued it and the
    /// request's idempotency key — all or nothing (design.md §2.3). A key seen before answers
    /// <see cref="CommitResult.Replayed"/> and changes nothing; a row that is not dead at
    /// <paramref name="expectedVersion"/> is a <see cref="CommitResult.Conflict"/> of kind <see cref="OutboxRowKind"/>.
    /// </summary>
    Task<CommitResult> RequeueDeadLetterAsync(string messageId, long expectedVersion, DateTimeOffset nextAttemptAt, StoreChange change, CancellationToken cancellationToken);

    /// <summary>The kind a <see cref="CommitResult.Conflict"/> on an outbox row names.</summary>
    public const string OutboxRowKind = "outbox";
}

/// <summary>One page of outbox rows; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record OutboxPage(IReadOnlyList<OutboxRow> Rows, string? ContinuationToken)
{
    public const int MaxPageSize = 1000;
}
