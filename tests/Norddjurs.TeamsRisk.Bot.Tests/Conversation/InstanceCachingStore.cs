using System.Collections.Concurrent;
using Norddjurs.TeamsRisk.Testing.Stores;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot.Tests.Conversation;

/// <summary>
/// The SQLite store with what the SharePoint store does for a card action: an instance cache of the last version of each
/// document seen or written, served by <see cref="ReadManyAsync"/> as a cached read (no applied row looked at). The commit's
/// version check stands for the If-Match, so the router's cached path runs on real data, one cache per app instance.
/// </summary>
internal sealed class InstanceCachingStore(IRiskStore inner) : ForwardingRiskStore(inner)
{
    private readonly ConcurrentDictionary<(string Kind, string Id), StoredDocument> _seen = new();

    public int CachedReads { get; private set; }

    public override async Task<CommitResult> CommitAsync(StoreChange change, CancellationToken cancellationToken)
    {
        var result = await base.CommitAsync(change, cancellationToken).ConfigureAwait(false);
        foreach (var write in change.Writes)
        {
            if (result is CommitResult.Committed committed)
            {
                _seen[(write.Kind, write.Id)] = new StoredDocument(write.Kind, write.Id, committed.VersionOf(write.Kind, write.Id), write.Json, write.Index);
            }
        }

        return result;
    }

    public override async Task<StoredDocument?> GetAsync(string kind, string id, CancellationToken cancellationToken) =>
        Remember(kind, id, await base.GetAsync(kind, id, cancellationToken).ConfigureAwait(false));

    public override async Task<DocumentsRead> ReadManyAsync(IReadOnlyList<DocumentKey> keys, string? idempotencyKey, bool cachedIfPossible, CancellationToken cancellationToken)
    {
        if (cachedIfPossible && keys.All(k => _seen.ContainsKey((k.Kind, k.Id))))
        {
            CachedReads++;
            return new DocumentsRead([.. keys.Select(k => _seen[(k.Kind, k.Id)])], null, Cached: true);
        }

        var applied = idempotencyKey is null ? null : await base.FindAppliedChangeAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
        var documents = new List<StoredDocument?>();
        foreach (var key in keys)
        {
            documents.Add(await GetAsync(key.Kind, key.Id, cancellationToken).ConfigureAwait(false));
        }

        return new DocumentsRead(documents, applied, Cached: false);
    }

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
}
