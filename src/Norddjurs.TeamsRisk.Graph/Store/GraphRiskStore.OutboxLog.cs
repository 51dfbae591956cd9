using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>The outbox read as the coordinator's log (design.md §5), newest first.</summary>
public sealed partial class GraphRiskStore : IOutboxLog
{
    public async Task<IReadOnlyList<OutboxRow>> ReadRecentOutboxAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);

        // Sorted on the indexed CreatedAt with no filter, so the query stays under the 5,000-item threshold however many
        // sent rows pile up (graph-sharepoint.md §4.4); one page, as the log shows only the latest rows.
        var url = QueryUrl(ListSchema.OutboxKey, orderBy: $"fields/{ColumnNames.CreatedAt} desc", top: Math.Min(max, OutboxPage.MaxPageSize));
        var page = await _graph.SendAsync(new GraphRequest("GET", url), cancellationToken).ConfigureAwait(false);
        var rows = new List<OutboxRow>();
        foreach (var item in ItemRecord.ParseMany(page))
        {
            // A row of a change not yet confirmed is not part of the log, as it is not part of the outbox.
            if (await VisibleAsync(item, cancellationToken).ConfigureAwait(false) is { } visible && ToRow(visible) is { } row)
            {
                rows.Add(row);
            }
        }

        return [.. rows.OrderByDescending(r => r.Message.CreatedAt).Take(max)];
    }
}
