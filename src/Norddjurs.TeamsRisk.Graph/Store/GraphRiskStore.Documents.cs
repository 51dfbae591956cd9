using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

public sealed partial class GraphRiskStore
{
    private const string TokenPrefix = "sp1.";

    public async Task<AppliedChange?> FindAppliedChangeAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var applied = await FindAsync(ListSchema.AppliedChangesKey, ColumnNames.OperationId, ChangeManifest.KeyHash(idempotencyKey), cancellationToken).ConfigureAwait(false);
        return applied is null ? null : new AppliedChange(applied.Text(ColumnNames.ResultJson));
    }

    public async Task<int> PruneAppliedChangesAsync(DateTimeOffset appliedBefore, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);

        // Sorted by the indexed AppliedAt, unfiltered: a filter plus an orderby fails once the matches pass the 5,000
        // threshold (§4.4), and the applied list grows with every change. The oldest come first; stop at the cutoff.
        var url = QueryUrl(ListSchema.AppliedChangesKey, orderBy: $"fields/{ColumnNames.AppliedAt}", top: Math.Min(max, DocumentQuery.MaxPageSize));
        var page = await _graph.SendAsync(new GraphRequest("GET", url), cancellationToken).ConfigureAwait(false);
        var old = ItemRecord.ParseMany(page).TakeWhile(i => ItemRecord.Time(i.Fields, ColumnNames.AppliedAt) < appliedBefore).Take(max).ToList();
        if (old.Count == 0)
        {
            return 0;
        }

        var answers = await _graph.BatchAsync([.. old.Select(i => new GraphRequest("DELETE", ItemUrl(ListSchema.AppliedChangesKey, i.ItemId)))], cancellationToken).ConfigureAwait(false);
        return answers.Count(a => a.IsSuccess);
    }

    public async Task<StoredDocument?> GetAsync(string kind, string id, CancellationToken cancellationToken)
    {
        DocumentKinds.EnsureIndexNames(kind, []);
        var item = await FindAsync(ListKeyOf(kind), ColumnNames.DocId, id, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            _cache.Forget(kind, id);
        }
        else
        {
            _cache.Remember(kind, item);
        }

        var visible = item is null ? null : await VisibleAsync(item, cancellationToken).ConfigureAwait(false);
        return visible is null ? null : ToDocument(kind, visible);
    }

    /// <summary>
    /// A query page this small also fills the cache, so the card action that follows a list (the owner's list card, then
    /// "open") acts on the copies just read instead of reading them again. 500 holds every system of the municipality and a
    /// year's assessments (~260 each); a larger page (years of assessments read for a report) is not kept, so the cache's
    /// 10,000 entries stay for what people are working on.
    /// </summary>
    private const int QueryPrimeLimit = 500;

    public async Task<DocumentPage> QueryAsync(string kind, DocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        DocumentKinds.EnsureIndexNames(kind, query.Filters.Keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, DocumentQuery.MaxPageSize, nameof(query));
        var listKey = ListKeyOf(kind);

        // One indexed condition server-side (§4.1: the service applies one indexed field per filter); the rest in memory.
        // A filtered query is not also sorted: filter plus orderby fails once the matches pass the 5,000 threshold (§4.4),
        // so its pages come in item-id (creation) order, each sorted by id here. Unfiltered queries sort by DocId server-side.
        var url = query.ContinuationToken is { } token
            ? NextLinkOf(token, listKey)
            : query.Filters.Count == 0
                ? QueryUrl(listKey, orderBy: $"fields/{ColumnNames.DocId}", top: query.PageSize)
                : QueryUrl(listKey, Eq(ColumnNames.ForIndex(query.Filters.First().Key), query.Filters.First().Value), top: query.PageSize);
        var page = await _graph.SendAsync(new GraphRequest("GET", url), cancellationToken).ConfigureAwait(false);
        var documents = new List<StoredDocument>();
        var items = ItemRecord.ParseMany(page).ToList();
        var primes = items.Count <= QueryPrimeLimit;
        foreach (var item in items)
        {
            if (primes)
            {
                _cache.Remember(kind, item);
            }

            if (await VisibleAsync(item, cancellationToken).ConfigureAwait(false) is { } visible
                && ToDocument(kind, visible) is var document
                && query.Filters.All(f => document.Index.TryGetValue(f.Key, out var value) && value == f.Value))
            {
                documents.Add(document);
            }
        }

        var next = page?["@odata.nextLink"]?.GetValue<string>();
        return new DocumentPage([.. documents.OrderBy(d => d.Id, StringComparer.Ordinal)], next is null ? null : TokenOf(next));
    }

    private static StoredDocument ToDocument(string kind, JsonObject fields)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in DocumentKinds.IndexNames[kind])
        {
            if (ItemRecord.Text(fields, ColumnNames.ForIndex(name)) is { } value)
            {
                index[name] = value;
            }
        }

        return new StoredDocument(
            kind,
            ItemRecord.Text(fields, ColumnNames.DocId)!,
            ItemRecord.Number(fields, ColumnNames.DocVersion) ?? 0,
            ItemRecord.Text(fields, ColumnNames.Body) ?? string.Empty,
            index);
    }

    /// <summary>The token wraps Graph's own nextLink (§4.3: never build skip tokens), opaque to callers.</summary>
    private static string TokenOf(string nextLink) => TokenPrefix + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(nextLink));

    private string NextLinkOf(string token, string listKey)
    {
        string? link = null;
        if (token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            try
            {
                link = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(TokenPrefix.Length)));
            }
            catch (FormatException)
            {
                link = null;
            }
        }

        // Only a link back to Graph's own host and this list: a forged token must not send the client's token elsewhere.
        if (link is null || !Uri.TryCreate(link, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Host, new Uri(_graph.BaseUrl).Host, StringComparison.OrdinalIgnoreCase)
            || !uri.AbsolutePath.Contains(_listIds[listKey], StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Not a continuation token of this store.", nameof(token));
        }

        return link;
    }
}
