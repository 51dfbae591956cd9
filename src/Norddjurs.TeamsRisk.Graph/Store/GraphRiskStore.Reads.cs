using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>A card action's reads in at most one round trip: from the cache when it may, else one <c>$batch</c> of GETs.</summary>
public sealed partial class GraphRiskStore
{
    /// <summary>
    /// How old a cached copy a card action may act on. A document the action writes is validated by the write's If-Match
    /// whatever its age; one it only reads (the assessment's system, whose owner decides who may act) is not, so a change
    /// made on another instance (an owner reassigned) reaches this instance's card actions within this time.
    /// </summary>
    public static readonly TimeSpan CachedReadMaxAge = TimeSpan.FromSeconds(60);

    public async Task<DocumentsRead> ReadManyAsync(IReadOnlyList<DocumentKey> keys, string? idempotencyKey, bool cachedIfPossible, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(key.Id, nameof(keys));
            DocumentKinds.EnsureIndexNames(key.Kind, []);
        }

        if (cachedIfPossible && keys.Count > 0 && keys.Select(k => _cache.FindRecent(k.Kind, k.Id, CachedReadMaxAge)).ToList() is var cached && cached.All(c => c is not null))
        {
            RefreshAhead(keys);
            return new DocumentsRead([.. cached.Select((item, i) => ToDocument(keys[i].Kind, item!.Fields))], null, Cached: true);
        }

        var reads = new List<GraphRequest>();
        if (idempotencyKey is not null)
        {
            reads.Add(new GraphRequest("GET", QueryUrl(ListSchema.AppliedChangesKey, Eq(ColumnNames.OperationId, ChangeManifest.KeyHash(idempotencyKey)), top: 1)));
        }

        reads.AddRange(keys.Select(DocumentRead));
        if (reads.Count == 0)
        {
            return new DocumentsRead([], null, Cached: false);
        }

        var answers = await _graph.BatchAsync(reads, cancellationToken).ConfigureAwait(false);
        if (answers.FirstOrDefault(a => !a.IsSuccess) is { } failed)
        {
            throw GraphGateway.Fault(failed, "Reading documents");
        }

        var offset = idempotencyKey is null ? 0 : 1;
        var documents = new List<StoredDocument?>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var item = ItemRecord.ParseMany(answers[i + offset].Body).FirstOrDefault();
            if (item is null)
            {
                _cache.Forget(keys[i].Kind, keys[i].Id);
                documents.Add(null);
                continue;
            }

            _cache.Remember(keys[i].Kind, item);
            var visible = await VisibleAsync(item, cancellationToken).ConfigureAwait(false);
            documents.Add(visible is null ? null : ToDocument(keys[i].Kind, visible));
        }

        var applied = idempotencyKey is null ? null : ItemRecord.ParseMany(answers[0].Body).FirstOrDefault();
        return new DocumentsRead(documents, applied is null ? null : new AppliedChange(applied.Text(ColumnNames.ResultJson)), Cached: false);
    }

    /// <summary>The GET of one document by id (top 2: a second item would be a broken unique column, not hidden).</summary>
    private GraphRequest DocumentRead(DocumentKey key) => new("GET", QueryUrl(ListKeyOf(key.Kind), Eq(ColumnNames.DocId, key.Id), top: 2));
}
