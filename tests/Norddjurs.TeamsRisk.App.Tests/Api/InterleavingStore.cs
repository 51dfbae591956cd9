using Microsoft.Extensions.DependencyInjection;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>
/// The real store with one seam: a write by "someone else" can be slipped in just before the next commit, after the
/// use case has read. That makes a stale-version conflict (design.md §2.4) happen every time instead of by chance.
/// </summary>
public sealed class InterleavingStore(IRiskStore inner) : IRiskStore
{
    private Func<IRiskStore, Task>? _beforeNextCommit;

    /// <summary>Wraps whatever store the app registered (itself perhaps wrapped), so everything else stays as it runs.</summary>
    public static void Wrap(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IRiskStore) && !d.IsKeyedService);
        services.Remove(registered);
        services.AddSingleton<IRiskStore>(sp => new InterleavingStore((IRiskStore)(registered.ImplementationInstance ?? registered.ImplementationFactory!(sp))));
    }

    /// <summary>Runs once, against the real store, right before the next commit.</summary>
    public void BeforeNextCommit(Func<IRiskStore, Task> interleave) => _beforeNextCommit = interleave;

    public async Task<CommitResult> CommitAsync(StoreChange change, CancellationToken cancellationToken)
    {
        // The dispatcher's stamps of how an invitation reached its owner commit in the background; the hook is for the request's change.
        var dispatcherStamp = change.Writes.Count > 0 && change.Writes.All(w => w.Kind == DocumentKinds.InvitationReach);
        if (!dispatcherStamp && Interlocked.Exchange(ref _beforeNextCommit, null) is { } interleave)
        {
            await interleave(inner);
        }

        return await inner.CommitAsync(change, cancellationToken);
    }

    public Task<AppliedChange?> FindAppliedChangeAsync(string idempotencyKey, CancellationToken cancellationToken) => inner.FindAppliedChangeAsync(idempotencyKey, cancellationToken);

    public Task<StoredDocument?> GetAsync(string kind, string id, CancellationToken cancellationToken) => inner.GetAsync(kind, id, cancellationToken);

    public Task<DocumentPage> QueryAsync(string kind, DocumentQuery query, CancellationToken cancellationToken) => inner.QueryAsync(kind, query, cancellationToken);

    public Task<IReadOnlyList<IReadOnlyList<StoredDocument>>> QueryManyAsync(IReadOnlyList<FilteredQuery> queries, int pageSize, CancellationToken cancellationToken) =>
        inner.QueryManyAsync(queries, pageSize, cancellationToken);

    public Task<DocumentsRead> ReadManyAsync(IReadOnlyList<DocumentKey> keys, string? idempotencyKey, bool cachedIfPossible, CancellationToken cancellationToken) =>
        inner.ReadManyAsync(keys, idempotencyKey, cachedIfPossible, cancellationToken);

    public Task<IReadOnlyList<AuditIntent>> ReadPendingAuditIntentsAsync(int max, CancellationToken cancellationToken) => inner.ReadPendingAuditIntentsAsync(max, cancellationToken);

    public Task<SealingWork> ReadSealingWorkAsync(int max, CancellationToken cancellationToken) => inner.ReadSealingWorkAsync(max, cancellationToken);

    public Task<SealResult> SealAsync(Lease lease, IReadOnlyList<AuditEntry> entries, ChainHead? expectedHead, CancellationToken cancellationToken) =>
        inner.SealAsync(lease, entries, expectedHead, cancellationToken);

    public Task<ChainHead?> GetChainHeadAsync(CancellationToken cancellationToken) => inner.GetChainHeadAsync(cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> ReadChainAsync(long fromSeq, int max, CancellationToken cancellationToken) => inner.ReadChainAsync(fromSeq, max, cancellationToken);

    public Task<IReadOnlyList<OutboxRow>> ReadDueOutboxAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) => inner.ReadDueOutboxAsync(now, max, cancellationToken);

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

    public Task<OutboxRow?> GetOutboxRowAsync(string messageId, CancellationToken cancellationToken) => inner.GetOutboxRowAsync(messageId, cancellationToken);

    public async Task<CommitResult> RequeueDeadLetterAsync(string messageId, long expectedVersion, DateTimeOffset nextAttemptAt, StoreChange change, CancellationToken cancellationToken)
    {
        // The dispatcher's stamps of how an invitation reached its owner commit in the background; the hook is for the request's change.
        var dispatcherStamp = change.Writes.Count > 0 && change.Writes.All(w => w.Kind == DocumentKinds.InvitationReach);
        if (!dispatcherStamp && Interlocked.Exchange(ref _beforeNextCommit, null) is { } interleave)
        {
            await interleave(inner);
        }

        return await inner.RequeueDeadLetterAsync(messageId, expectedVersion, nextAttemptAt, change, cancellationToken);
    }

    public Task<int> PruneAppliedChangesAsync(DateTimeOffset appliedBefore, int max, CancellationToken cancellationToken) =>
        inner.PruneAppliedChangesAsync(appliedBefore, max, cancellationToken);

    public Task<Lease?> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken) =>
        inner.TryAcquireLeaseAsync(name, holder, now, ttl, cancellationToken);

    public Task<Lease?> RenewLeaseAsync(Lease lease, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken) => inner.RenewLeaseAsync(lease, now, ttl, cancellationToken);

    public Task<bool> ReleaseLeaseAsync(Lease lease, CancellationToken cancellationToken) => inner.ReleaseLeaseAsync(lease, cancellationToken);
}
