using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// Several filtered queries in as few sequential round trips as their pages need: every query's first page at once, then
/// every next link still open at once, and so on (design.md §2, latency budget; graph-sharepoint.md §4.3, §6).
/// </summary>
public sealed partial class GraphRiskStore
{
    public async Task<IReadOnlyList<IReadOnlyList<StoredDocument>>> QueryManyAsync(IReadOnlyList<FilteredQuery> queries, int pageSize, CancellationToken cancellationToken)
    {
        FilteredQueries.EnsureValid(queries, pageSize);
        var items = queries.Select(_ => new List<ItemRecord>()).ToList();
        var open = queries.Select((query, index) => (Index: index, Url: FirstPageUrl(query, pageSize))).ToList();
        while (open.Count > 0)
        {
            var answers = await ReadAtOnceAsync([.. open.Select(o => o.Url)], "Querying documents", cancellationToken).ConfigureAwait(false);
            var next = new List<(int Index, string Url)>();
            for (var i = 0; i < open.Count; i++)
            {
                items[open[i].Index].AddRange(ItemRecord.ParseMany(answers[i].Body));
                if (answers[i].Body?["@odata.nextLink"]?.GetValue<string>() is { } link)
                {
                    next.Add((open[i].Index, link));
                }
            }

            open = next;
        }

        for (var i = 0; i < queries.Count; i++)
        {
            if (items[i].Count <= QueryPrimeLimit)
            {
                foreach (var item in items[i])
                {
                    _cache.Remember(queries[i].Kind, item);
                }
            }
        }

        var committed = await CommittedChangesAsync(items.SelectMany(i => i), cancellationToken).ConfigureAwait(false);
        return [.. queries.Select((query, i) => Matching(query, items[i], committed))];
    }

    /// <summary>
    /// As <see cref="QueryAsync"/>: one indexed condition server-side (§4.1), the rest in memory. Never sorted server-side:
    /// every page is read and sorted here, and an unsorted read stays clear of the 5,000 threshold (§4.4).
    /// </summary>
    private string FirstPageUrl(FilteredQuery query, int pageSize)
    {
        var listKey = ListKeyOf(query.Kind);
        return query.Filters.Count == 0
            ? QueryUrl(listKey, top: pageSize)
            : QueryUrl(listKey, Eq(ColumnNames.ForIndex(query.Filters.First().Key), query.Filters.First().Value), top: pageSize);
    }

    /// <summary>
    /// GETs in one round trip: batches of 20 (§6.1) posted side by side, not one after another as
    /// <see cref="GraphGateway.BatchAsync"/> does for a longer list. Any step that failed throws its fault.
    /// </summary>
    private async Task<GraphResponse[]> ReadAtOnceAsync(IReadOnlyList<string> urls, string what, CancellationToken cancellationToken)
    {
        var batches = urls.Chunk(GraphGateway.MaxBatchSize)
            .Select(chunk => _graph.BatchAsync([.. chunk.Select(url => new GraphRequest("GET", url))], cancellationToken));
        var answers = (await Task.WhenAll(batches).ConfigureAwait(false)).SelectMany(a => a).ToArray();
        if (answers.FirstOrDefault(a => !a.IsSuccess) is { } failed)
        {
            throw GraphGateway.Fault(failed, what);
        }

        return answers;
    }

    /// <summary>
    /// The changes of the pending items that have committed (their applied row exists): those this instance knows, and the
    /// rest asked in one round trip together, rather than one request per item as <see cref="VisibleAsync"/> would.
    /// </summary>
    private async Task<HashSet<string>> CommittedChangesAsync(IEnumerable<ItemRecord> items, CancellationToken cancellationToken)
    {
        var pending = items.Where(i => i.Pending).Select(i => i.ChangeKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var committed = pending.Where(_committed.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var unknown = pending.Except(committed).ToList();
        if (unknown.Count == 0)
        {
            return committed;
        }

        var answers = await ReadAtOnceAsync(
            [.. unknown.Select(key => QueryUrl(ListSchema.AppliedChangesKey, Eq(ColumnNames.OperationId, key), top: 1))], "Reading applied changes", cancellationToken)
            .ConfigureAwait(false);
        for (var i = 0; i < unknown.Count; i++)
        {
            if (ItemRecord.ParseMany(answers[i].Body).Any())
            {
                committed.Add(unknown[i]);
                RememberCommitted(unknown[i]);
            }
        }

        return committed;
    }

    /// <summary>What readers see of the items (<see cref="Visible"/>) that match every filter, ordered by id.</summary>
    private static List<StoredDocument> Matching(FilteredQuery query, IEnumerable<ItemRecord> items, HashSet<string> committed) =>
    [
        .. items
            .Select(item => Visible(item, committed: !item.Pending || item.ChangeKey is not { } key || committed.Contains(key)))
            .OfType<JsonObject>()
            .Select(fields => ToDocument(query.Kind, fields))
            .Where(document => query.Filters.All(f => document.Index.TryGetValue(f.Key, out var value) && value == f.Value))
            .OrderBy(document => document.Id, StringComparer.Ordinal),
    ];
}
