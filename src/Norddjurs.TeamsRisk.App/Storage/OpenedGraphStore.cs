using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Storage;

/// <summary>
/// The SharePoint store as the ports see it: every call awaits the one opening of <see cref="SharePointStoreOpener"/>,
/// so the store can be a plain singleton without opening it inside a DI factory.
/// </summary>
internal sealed class OpenedGraphStore(SharePointStoreOpener opener) : IRiskStore, IOutboxLog
{
    public async Task<IReadOnlyList<OutboxRow>> ReadRecentOutboxAsync(int max, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).ReadRecentOutboxAsync(max, cancellationToken).ConfigureAwait(false);

    public async Task<CommitResult> CommitAsync(StoreChange change, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).CommitAsync(change, cancellationToken).ConfigureAwait(false);

    public async Task<AppliedChange?> FindAppliedChangeAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).FindAppliedChangeAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);

    public async Task<StoredDocument?> GetAsync(string kind, string id, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).GetAsync(kind, id, cancellationToken).ConfigureAwait(false);

    public async Task<DocumentPage> QueryAsync(string kind, DocumentQuery query, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).QueryAsync(kind, query, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<IReadOnlyList<StoredDocument>>> QueryManyAsync(IReadOnlyList<FilteredQuery> queries, int pageSize, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).QueryManyAsync(queries, pageSize, cancellationToken).ConfigureAwait(false);

    public async Task<DocumentsRead> ReadManyAsync(IReadOnlyList<DocumentKey> keys, string? idempotencyKey, bool cachedIfPossible, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).ReadManyAsync(keys, idempotencyKey, cachedIfPossible, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<AuditIntent>> ReadPendingAuditIntentsAsync(int max, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).ReadPendingAuditIntentsAsync(max, cancellationToken).ConfigureAwait(false);

    public async Task<SealingWork> ReadSealingWorkAsync(int max, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).ReadSealingWorkAsync(max, cancellationToken).ConfigureAwait(false);

    public async Task<SealResult> SealAsync(Lease lease, IReadOnlyList<AuditEntry> entries, ChainHead? expectedHead, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).SealAsync(lease, entries, expectedHead, cancellationToken).ConfigureAwait(false);

    public async Task<ChainHead?> GetChainHeadAsync(CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).GetChainHeadAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<AuditEntry>> ReadChainAsync(long fromSeq, int max, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).ReadChainAsync(fromSeq, max, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<OutboxRow>> ReadDueOutboxAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).ReadDueOutboxAsync(now, max, cancellationToken).ConfigureAwait(false);

    public async Task<OutboxRow?> TryClaimAsync(string messageId, long expectedVersion, string claimant, DateTimeOffset claimedUntil, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).TryClaimAsync(messageId, expectedVersion, claimant, claimedUntil, cancellationToken).ConfigureAwait(false);

    public async Task<bool> MarkSentAsync(string messageId, long expectedVersion, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).MarkSentAsync(messageId, expectedVersion, sentAt, cancellationToken).ConfigureAwait(false);

    public async Task<bool> MarkRetryAsync(string messageId, long expectedVersion, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).MarkRetryAsync(messageId, expectedVersion, nextAttemptAt, error, cancellationToken).ConfigureAwait(false);

    public async Task<bool> MarkDeadAsync(string messageId, long expectedVersion, string reason, DateTimeOffset deadAt, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).MarkDeadAsync(messageId, expectedVersion, reason, deadAt, cancellationToken).ConfigureAwait(false);

    public async Task<OutboxPage> ReadDeadLettersAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).ReadDeadLettersAsync(pageSize, continuationToken, cancellationToken).ConfigureAwait(false);

    public async Task<OutboxRow?> GetOutboxRowAsync(string messageId, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).GetOutboxRowAsync(messageId, cancellationToken).ConfigureAwait(false);

    public async Task<CommitResult> RequeueDeadLetterAsync(string messageId, long expectedVersion, DateTimeOffset nextAttemptAt, StoreChange change, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).RequeueDeadLetterAsync(messageId, expectedVersion, nextAttemptAt, change, cancellationToken).ConfigureAwait(false);

    public async Task<int> PruneAppliedChangesAsync(DateTimeOffset appliedBefore, int max, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).PruneAppliedChangesAsync(appliedBefore, max, cancellationToken).ConfigureAwait(false);

    public async Task<Lease?> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).TryAcquireLeaseAsync(name, holder, now, ttl, cancellationToken).ConfigureAwait(false);

    public async Task<Lease?> RenewLeaseAsync(Lease lease, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).RenewLeaseAsync(lease, now, ttl, cancellationToken).ConfigureAwait(false);

    public async Task<bool> ReleaseLeaseAsync(Lease lease, CancellationToken cancellationToken) =>
        await (await opener.OpenAsync().ConfigureAwait(false)).ReleaseLeaseAsync(lease, cancellationToken).ConfigureAwait(false);
}
