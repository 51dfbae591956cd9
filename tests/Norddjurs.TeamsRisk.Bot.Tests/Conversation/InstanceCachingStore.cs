using System.Collections.Concurrent;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot.Tests.Conversation;

/// <summary>
/// The SQLite store with what the SharePoint store does for a card action: an instance cache of the last version of each
/// document seen or written, served by <see cref="ReadManyAsync"/> as a cached read (no applied row looked at). The commit's
/// version check stands for the If-Match, so the router's cached path runs on real data, one cache per app instance.
/// </summary>
internal sealed class InstanceCachingStore(IRiskStore inner) : IRiskStore
{
    private readonly ConcurrentDictionary<(string Kind, string Id), StoredDocument> _seen = new();

    public int CachedReads { get; private set; }

    public async Task<CommitResult> CommitAsync(StoreChange change, CancellationToken cancellationToken)
    {
        var result = await inner.CommitAsync(change, cancellationToken).ConfigureAwait(false);
        foreach (var write in change.Writes)
        {
            if (result is CommitResult.Committed committed)
            {
                _seen[(write.Kind, write.Id)] = new StoredDocument(write.Kind, write.Id, committed.VersionOf(write.Kind, write.Id), write.Json, write.Index);
            }
        }

        return result;
    }

    public async Task<StoredDocument?> GetAsync(string kind, string id, CancellationToken cancellationToken) =>
        Remember(kind, id, await inner.GetAsync(kind, id, cancellationToken).ConfigureAwait(false));

    public async Task<DocumentsRead> ReadManyAsync(IReadOnlyList<DocumentKey> keys, string? idempotencyKey, bool cachedIfPossible, CancellationToken cancellationToken)
    {
        if (cachedIfPossible && keys.All(k => _seen.ContainsKey((k.Kind, k.Id))))
        {
            CachedReads++;
            return new DocumentsRead([.. keys.Select(k => _seen[(k.Kind, k.Id)])], null, Cached: true);
        }

        var applied = idempotencyKey is null ? null : await inner.FindAppliedChangeAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
        var documents = new List<StoredDocument?>();
        foreach (var key in keys)
        {
            documents.Add(await GetAsync(key.Kind, key.Id, cancellationToken).ConfigureAwait(false));
        }

        return new DocumentsRead(documents, applied, Cached: false);
    }

    public Task<CommitResult> RequeueDeadLetterAsync(string messageId, long expectedVersion, DateTimeOffset nextAttemptAt, StoreChange change, CancellationToken cancellationToken) =>
        inner.RequeueDeadLetterAsync(messageId, expectedVersion, nextAttemptAt, change, cancellationToken);

    private StoredDocument? Remember(string kind, string id, StoredDocument? document)
    {
        if (document is null)
        {
            _seen.TryRemove((kind, id), out _);
        }
        else
        {
            _seen[(kind, id)] = document;
        }

        return document;
    }

    public Task<AppliedChange?> FindAppliedChangeAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        inner.FindAppliedChangeAsync(idempotencyKey, cancellationToken);

    public Task<DocumentPage> QueryAsync(string kind, DocumentQuery query, CancellationToken cancellationToken) =>
        inner.QueryAsync(kind, query, cancellationToken);

    public Task<IReadOnlyList<AuditIntent>> ReadPendingAuditIntentsAsync(int max, CancellationToken cancellationToken) =>
        inner.ReadPendingAuditIntentsAsync(max, cancellationToken);

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

    public Task<int> PruneAppliedChangesAsync(DateTimeOffset appliedBefore, int max, CancellationToken cancellationToken) =>
        inner.PruneAppliedChangesAsync(appliedBefore, max, cancellationToken);

    public Task<Lease?> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken) =>
        inner.TryAcquireLeaseAsync(name, holder, now, ttl, cancellationToken);

    public Task<Lease?> RenewLeaseAsync(Lease lease, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken) =>
        inner.RenewLeaseAsync(lease, now, ttl, cancellationToken);

    public Task<bool> ReleaseLeaseAsync(Lease lease, CancellationToken cancellationToken) =>
        inner.ReleaseLeaseAsync(lease, cancellationToken);
}
