using System.Text.Json;
using Norddjurs.TeamsRisk.Graph.Lists;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>The recovery sweep of design.md §2.3: run at start and on a timer (App), it finishes what a crash left pending.</summary>
public sealed partial class GraphRiskStore
{
    /// <summary>How long an unconfirmed intent or message of a change that carries no manifest may wait for a retry of its key.</summary>
    public static readonly TimeSpan DefaultOrphanAge = TimeSpan.FromHours(1);

    /// <inheritdoc cref="RecoverAsync(TimeSpan, CancellationToken)"/>
    public Task<int> RecoverAsync(CancellationToken cancellationToken) => RecoverAsync(DefaultOrphanAge, cancellationToken);

    /// <summary>
    /// Finishes every change whose pending list is not empty (forward, or back when one of its writes can no longer be made),
    /// deletes the intents a moved audit head consumed, and deletes unconfirmed intents and messages older than
    /// <paramref name="orphanAge"/> of changes that wrote no document (nothing can finish those; a retry of the key recreates
    /// them). Safe to run on several instances at once: every step is idempotent. Returns how many changes it finished.
    /// </summary>
    public async Task<int> RecoverAsync(TimeSpan orphanAge, CancellationToken cancellationToken)
    {
        // The pending flag is indexed, so this is one cheap query per list that can hold a pending item, all in one $batch.
        var listKeys = ListSchema.DocumentListKeys.Values.Append(ListSchema.OutboxKey).Append(ListSchema.AuditIntentsKey).ToList();
        var answers = await _graph.BatchAsync(
            [.. listKeys.Select(key => new GraphRequest("GET", QueryUrl(key, $"fields/{ColumnNames.Pending} eq 1", top: OutboxReadPage)))],
            cancellationToken).ConfigureAwait(false);
        if (answers.FirstOrDefault(a => !a.IsSuccess) is { } failed)
        {
            throw GraphGateway.Fault(failed, "Looking for pending changes");
        }

        var pending = listKeys.Zip(answers, (key, answer) => ItemRecord.ParseMany(answer.Body).Select(item => (Key: key, Item: item))).SelectMany(x => x).ToList();
        var carried = pending
            .Where(p => !string.IsNullOrEmpty(p.Item.Text(ColumnNames.PendingWrites)) && p.Item.ChangeKey is not null)
            .Select(p => p.Item.ChangeKey!)
            .ToHashSet(StringComparer.Ordinal);
        var finished = await FinishPendingAsync(pending, cancellationToken).ConfigureAwait(false);
        await DeleteOrphansAsync(pending, carried, orphanAge, cancellationToken).ConfigureAwait(false);
        await DeleteOrphanPartsAsync(carried, _time.GetUtcNow() - orphanAge, cancellationToken).ConfigureAwait(false);
        if (await FindAsync(ListSchema.AuditHeadKey, ColumnNames.OperationId, HeadId, cancellationToken).ConfigureAwait(false) is { } head
            && head.Text(ColumnNames.PendingWrites) is { Length: > 0 } consumed)
        {
            if (await ConsumeIntentsAsync(JsonSerializer.Deserialize<int[]>(consumed) ?? [], cancellationToken).ConfigureAwait(false))
            {
                await ClearHeadAsync(head, cancellationToken).ConfigureAwait(false);
            }
        }

        // A change it finished forward clears the items its chain created after the commit point: the sweep waits for that.
        await HousekeepingSettled().ConfigureAwait(false);
        return finished;
    }

    /// <summary>
    /// Finishes each change with a pending item once, from its carrier's manifest (found through any of its items); an
    /// item whose change has no manifest any more is settled alone.
    /// </summary>
    private async Task<int> FinishPendingAsync(List<(string Key, ItemRecord Item)> pending, CancellationToken cancellationToken)
    {
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var marked = pending
            .Where(p => p.Item.ChangeKey is not null && !string.IsNullOrEmpty(p.Item.Text(ColumnNames.PendingWrites)))
            .OrderBy(p => PendingWritesValue.Parse(p.Item.Text(ColumnNames.PendingWrites)) is PendingWritesValue.Reference);
        foreach (var (listKey, item) in marked)
        {
            if (!finished.Contains(item.ChangeKey!) && await FinishStoredAsync(listKey, item, cancellationToken).ConfigureAwait(false) is not null)
            {
                finished.Add(item.ChangeKey!);
            }
        }

        return finished.Count;
    }

    private async Task DeleteOrphansAsync(List<(string Key, ItemRecord Item)> pending, HashSet<string> carried, TimeSpan orphanAge, CancellationToken cancellationToken)
    {
        var cutoff = _time.GetUtcNow() - orphanAge;
        var orphans = new List<GraphRequest>();
        foreach (var (listKey, item) in pending)
        {
            if (string.IsNullOrEmpty(item.Text(ColumnNames.PendingWrites)) && item.ChangeKey is { } key && !carried.Contains(key)
                && item.Created is { } created && created <= cutoff && !await IsCommittedAsync(key, cancellationToken).ConfigureAwait(false))
            {
                orphans.Add(new GraphRequest("DELETE", ItemUrl(listKey, item.ItemId), IfMatch: item.ETag));
            }
        }

        if (orphans.Count > 0)
        {
            await _graph.BatchAsync(orphans, cancellationToken).ConfigureAwait(false);
        }
    }
}
