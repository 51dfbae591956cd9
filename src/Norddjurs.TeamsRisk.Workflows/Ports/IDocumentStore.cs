namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// The versioned document store (design.md §1, §2). Every write goes through <see cref="CommitAsync"/>, so a
/// change, its audit intents and its outbox messages become visible together or not at all.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Applies the change all or nothing. A fault (store unreachable) throws and nothing is applied; the caller
    /// tells the user "not saved, try again" (§2.1) and may retry with the same idempotency key.
    /// </summary>
    Task<CommitResult> CommitAsync(StoreChange change, CancellationToken cancellationToken);

    /// <summary>
    /// The change applied under this key, or null. Use cases ask first, so a retry answers as the first time even
    /// when the state has moved on since (a second "submit" must not be refused as "already submitted").
    /// </summary>
    Task<AppliedChange?> FindAppliedChangeAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets up to <paramref name="max"/> applied-change records (what <see cref="FindAppliedChangeAsync"/> reads)
    /// applied before <paramref name="appliedBefore"/>, oldest first, and says how many went. The store stamps a record
    /// with its own clock when the change commits. A key forgotten this way would apply again if replayed, so the
    /// retention must outlast any retry (Teams retries within minutes; a client's request id within the session).
    /// </summary>
    Task<int> PruneAppliedChangesAsync(DateTimeOffset appliedBefore, int max, CancellationToken cancellationToken);

    /// <summary>The document, or null when there is none with that id.</summary>
    Task<StoredDocument?> GetAsync(string kind, string id, CancellationToken cancellationToken);

    /// <summary>One page of the kind's documents that match every filter, ordered by id.</summary>
    Task<DocumentPage> QueryAsync(string kind, DocumentQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Every match of each query, all its pages, ordered by id; the answers in the order of <paramref name="queries"/>. Read
    /// together: SharePoint sends the first page of every query at once (<c>$batch</c>) and any further pages in the next round
    /// trip, so a list over N systems costs the same round trips whatever N (design.md §2, latency budget); this default runs
    /// the queries one after another. <paramref name="pageSize"/> is what one page request asks for (at most
    /// <see cref="DocumentQuery.MaxPageSize"/>). Visibility as <see cref="QueryAsync"/>: what a change not yet committed wrote
    /// is not seen.
    /// </summary>
    async Task<IReadOnlyList<IReadOnlyList<StoredDocument>>> QueryManyAsync(IReadOnlyList<FilteredQuery> queries, int pageSize, CancellationToken cancellationToken)
    {
        FilteredQueries.EnsureValid(queries, pageSize);
        var answers = new List<IReadOnlyList<StoredDocument>>(queries.Count);
        foreach (var query in queries)
        {
            var matches = new List<StoredDocument>();
            string? token = null;
            do
            {
                var page = await QueryAsync(query.Kind, new DocumentQuery(query.Filters, pageSize, token), cancellationToken).ConfigureAwait(false);
                matches.AddRange(page.Items);
                token = page.ContinuationToken;
            }
            while (token is not null);

            answers.Add(matches);
        }

        return answers;
    }

    /// <summary>
    /// Several documents and the change applied under <paramref name="idempotencyKey"/> (none asked when null), read together:
    /// SharePoint makes it one <c>$batch</c> of GETs (design.md §2, latency budget); this default reads them one by one.
    /// With <paramref name="cachedIfPossible"/> a store may answer from the instance's cache instead (SharePoint: when every
    /// document is cached, recently enough); such an answer is marked <see cref="DocumentsRead.Cached"/>, may be stale and
    /// checked no applied row. Act on it only through a commit naming the versions read (a stale copy, or a key applied
    /// before, is then a conflict or a replay), and read again before answering anything else.
    /// </summary>
    async Task<DocumentsRead> ReadManyAsync(IReadOnlyList<DocumentKey> keys, string? idempotencyKey, bool cachedIfPossible, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var applied = idempotencyKey is null ? null : await FindAppliedChangeAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
        var documents = new List<StoredDocument?>(keys.Count);
        foreach (var key in keys)
        {
            documents.Add(await GetAsync(key.Kind, key.Id, cancellationToken).ConfigureAwait(false));
        }

        return new DocumentsRead(documents, applied, Cached: false);
    }
}

/// <summary>Lease names of the store's own housekeeping.</summary>
public static class StoreLeases
{
    /// <summary>One instance at a time prunes applied-change records, so two never contend for the same rows.</summary>
    public const string AppliedChangePruner = "store.applied-change-pruner";

    /// <summary>One instance at a time runs the SharePoint store's recovery sweep (design.md §2.3); running it twice is harmless but wasteful.</summary>
    public const string Recovery = "store.recovery";
}
