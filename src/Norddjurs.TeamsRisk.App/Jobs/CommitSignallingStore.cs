using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Jobs;

/// <summary>
/// The configured store, unchanged, except that a committed change is told to <see cref="CommitSignal"/>: the change
/// may carry outbox rows and audit intents, and the jobs should not wait for their next poll to see them.
/// </summary>
internal sealed class CommitSignallingStore(IRiskStore inner, CommitSignal signal) : IRiskStore
{
    public async Task<CommitResult> CommitAsync(StoreChange change, CancellationToken cancellationToken)
    {
        var result = await inner.CommitAsync(change, cancellationToken).ConfigureAwait(false);
        if (result is CommitResult.Committed)
        {
            signal.Committed(change);
        }

        return result;
    }

    public Task<AppliedChange?> FindAppliedChangeAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        inner.FindAppliedChangeAsync(idempotencyKey, cancellationToken);

    public Task<StoredDocument?> GetAsync(string kind, string id, CancellationToken cancellationToken) =>
        inner.GetAsync(kind, id, cancellationToken);

    public Task<DocumentPage> QueryAsync(string kind, DocumentQuery query, CancellationToken cancellationToken) =>
        inner.QueryAsync(kind, query, cancellationToken);

    public Task<IReadOnlyList<IReadOnlyList<StoredDocument>>> QueryManyAsync(IReadOnlyList<FilteredQuery> queries, int pageSize, CancellationToken cancellationToken) =>
        inner.QueryManyAsync(queries, pageSize, cancellationToken);

    public Task<DocumentsRead> ReadManyAsync(IReadOnlyList<DocumentKey> keys, string? idempotencyKey, bool cachedIfPossible, CancellationToken cancellationToken) =>
        inner.ReadManyAsync(keys, idempotencyKey, cachedIfPossible, cancellationToken);

    public Task<IReadOnlyList<AuditIntent>> ReadPendingAuditIntentsAsync(int max, CancellationToken cancellationToken) =>
        inner.ReadPendingAuditIntentsAsync(max, cancellationToken);

    public Task<SealingWork> ReadSealingWorkAsync(int max, CancellationToken cancellationToken) =>
        inner.ReadSealingWorkAsync(max, cancellationToken);

    public Task<SealResult> SealAsync(Lease lease, IReadOnlyList<AuditEntry> entries, ChainHead? expectedHead, CancellationToken cancellationToken) =>
        inner.SealAsync(lease, entries, expectedHead, cancellationToken);

    public Task<ChainHead?> GetChainHeadAsync(CancellationToken cancellationToken) =>
        inner.GetChainHeadAsync(cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> ReadChainAsync(long fromSeq, int max, CancellationToken cancellationToken) =>
        inner.ReadChainAsync(fromSeq, max, cancellationToken);

    public Task<IReadOnlyList<OutboxRow>> ReadDueOutboxAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        inner.ReadDueOutboxAsync(now, max, cancellationToken);

    public Task<OutboxRow?> TryClaimAsync(string messageId, long expectedVersion, string claimant, DateTimeOffset claimedUntil, CancellationToken cancellationToken) =>
        inner.TryClaimAsync(messageId, expectedVersion, claimant, claimedUntil, cancellationToken);

    public Task<bool> MarkSentAsync(string messageId, long expectedVersion, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        inner.MarkSentAsync(messageId, expectedVersion, sentAt, cancellationToken);

    public Task<bool> MarkRetryAsync(string messageId, long expectedVersion, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        inner.MarkRetryAsync(messageId, expectedVersion, nextAttemptAt, error, cancellationToken);

    public Task<bool> MarkDeadAsync(string messageId, long expectedVersion, string reason, DateTimeOffset deadAt, CancellationToken cancellationToken) =>
        inner.MarkDeadAsync(messageId, expectedVersion, reason, deadAt, cancellationToken);

    public Task<OutboxPage> ReadDeadLettersAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        inner.ReadDeadLettersAsync(pageSize, continuationToken, cancellationToken);

    public Task<OutboxRow?> GetOutboxRowAsync(string messageId, CancellationToken cancellationToken) =>
        inner.GetOutboxRowAsync(messageId, cancellationToken);

    public async Task<CommitResult> RequeueDeadLetterAsync(string messageId, long expectedVersion, DateTimeOffset nextAttemptAt, StoreChange change, CancellationToken cancellationToken)
    {
        var result = await inner.RequeueDeadLetterAsync(messageId, expectedVersion, nextAttemptAt, change, cancellationToken).ConfigureAwait(false);
        if (result is CommitResult.Committed)
        {
            // The requeued row is a message whether or not the change carries others.
            signal.Messages.Fire();
            if (change.AuditIntents.Count > 0)
            {
                signal.Intents.Fire();
            }
        }

        return result;
    }

    public Task<int> PruneAppliedChangesAsync(DateTimeOffset appliedBefore, int max, CancellationToken cancellationToken) =>
        inner.PruneAppliedChangesAsync(appliedBefore, max, cancellationToken);

    public Task<Lease?> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken) =>
        inner.TryAcquireLeaseAsync(name, holder, now, ttl, cancellationToken);

    public Task<Lease?> RenewLeaseAsync(Lease lease, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken) =>
        inner.RenewLeaseAsync(lease, now, ttl, cancellationToken);

    public Task<bool> ReleaseLeaseAsync(Lease lease, CancellationToken cancellationToken) =>
        inner.ReleaseLeaseAsync(lease, cancellationToken);
}
