using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Testing.Stores;

/// <summary>A store that hands every call to another: derive and override what a test changes about a real store.</summary>
public abstract class ForwardingRiskStore(IRiskStore inner) : IRiskStore
{
    public virtual Task<CommitResult> CommitAsync(StoreChange change, CancellationToken cancellationToken) =>
        inner.CommitAsync(change, cancellationToken);

    public virtual Task<StoredDocument?> GetAsync(string kind, string id, CancellationToken cancellationToken) =>
        inner.GetAsync(kind, id, cancellationToken);

    public virtual Task<DocumentsRead> ReadManyAsync(IReadOnlyList<DocumentKey> keys, string? idempotencyKey, bool cachedIfPossible, CancellationToken cancellationToken) =>
        inner.ReadManyAsync(keys, idempotencyKey, cachedIfPossible, cancellationToken);

    public virtual Task<CommitResult> RequeueDeadLetterAsync(string messageId, long expectedVersion, DateTimeOffset nextAttemptAt, StoreChange change, CancellationToken cancellationToken) =>
        inner.RequeueDeadLetterAsync(messageId, expectedVersion, nextAttemptAt, change, cancellationToken);

    public virtual Task<AppliedChange?> FindAppliedChangeAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        inner.FindAppliedChangeAsync(idempotencyKey, cancellationToken);

    public virtual Task<DocumentPage> QueryAsync(string kind, DocumentQuery query, CancellationToken cancellationToken) =>
        inner.QueryAsync(kind, query, cancellationToken);

    public virtual Task<IReadOnlyList<IReadOnlyList<StoredDocument>>> QueryManyAsync(IReadOnlyList<FilteredQuery> queries, int pageSize, CancellationToken cancellationToken) =>
        inner.QueryManyAsync(queries, pageSize, cancellationToken);

    public virtual Task<IReadOnlyList<AuditIntent>> ReadPendingAuditIntentsAsync(int max, CancellationToken cancellationToken) =>
        inner.ReadPendingAuditIntentsAsync(max, cancellationToken);

    public virtual Task<SealingWork> ReadSealingWorkAsync(int max, CancellationToken cancellationToken) =>
        inner.ReadSealingWorkAsync(max, cancellationToken);

    public virtual Task<SealResult> SealAsync(Lease lease, IReadOnlyList<AuditEntry> entries, ChainHead? expectedHead, CancellationToken cancellationToken) =>
        inner.SealAsync(lease, entries, expectedHead, cancellationToken);

    public virtual Task<ChainHead?> GetChainHeadAsync(CancellationToken cancellationToken) =>
        inner.GetChainHeadAsync(cancellationToken);

    public virtual Task<IReadOnlyList<AuditEntry>> ReadChainAsync(long fromSeq, int max, CancellationToken cancellationToken) =>
        inner.ReadChainAsync(fromSeq, max, cancellationToken);

    public virtual Task<IReadOnlyList<OutboxRow>> ReadDueOutboxAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        inner.ReadDueOutboxAsync(now, max, cancellationToken);

    public virtual Task<OutboxRow?> TryClaimAsync(string messageId, long expectedVersion, string claimant, DateTimeOffset claimedUntil, CancellationToken cancellationToken) =>
        inner.TryClaimAsync(messageId, expectedVersion, claimant, claimedUntil, cancellationToken);

    public virtual Task<bool> MarkSentAsync(string messageId, long expectedVersion, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        inner.MarkSentAsync(messageId, expectedVersion, sentAt, cancellationToken);

    public virtual Task<bool> MarkRetryAsync(string messageId, long expectedVersion, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        inner.MarkRetryAsync(messageId, expectedVersion, nextAttemptAt, error, cancellationToken);

    public virtual Task<bool> MarkDeadAsync(string messageId, long expectedVersion, string reason, DateTimeOffset deadAt, CancellationToken cancellationToken) =>
        inner.MarkDeadAsync(messageId, expectedVersion, reason, deadAt, cancellationToken);

    public virtual Task<OutboxPage> ReadDeadLettersAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        inner.ReadDeadLettersAsync(pageSize, continuationToken, cancellationToken);

    public virtual Task<OutboxRow?> GetOutboxRowAsync(string messageId, CancellationToken cancellationToken) =>
        inner.GetOutboxRowAsync(messageId, cancellationToken);

    public virtual Task<int> PruneAppliedChangesAsync(DateTimeOffset appliedBefore, int max, CancellationToken cancellationToken) =>
        inner.PruneAppliedChangesAsync(appliedBefore, max, cancellationToken);

    public virtual Task<Lease?> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken) =>
        inner.TryAcquireLeaseAsync(name, holder, now, ttl, cancellationToken);

    public virtual Task<Lease?> RenewLeaseAsync(Lease lease, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken) =>
        inner.RenewLeaseAsync(lease, now, ttl, cancellationToken);

    public virtual Task<bool> ReleaseLeaseAsync(Lease lease, CancellationToken cancellationToken) =>
        inner.ReleaseLeaseAsync(lease, cancellationToken);
}
