using System.Text.Json;
using Norddjurs.TeamsRisk.Graph.Lists;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>The recovery sweep of design.md §2.3: run at start and on a timer (App), it finishes what a crash left pending.</summary>
public sealed partial class GraphRiskStore
{
    /// <summary>
    /// Finishes every change whose pending list is not empty (forward, or back when one of its writes can no longer be made)
    /// and deletes the intents a moved audit head consumed. Safe to run on several instances at once: every step is
    /// idempotent. Returns how many changes it finished.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        // The pending flag is indexed, so this is one cheap query per list that can carry a change, all in one $batch.
        var listKeys = ListSchema.DocumentListKeys.Values.Append(ListSchema.OutboxKey).ToList();
        var answers = await _graph.BatchAsync(
            [.. listKeys.Select(key => new GraphRequest("GET", QueryUrl(key, $"fields/{ColumnNames.Pending} eq 1", top: OutboxReadPage)))],
            cancellationToken).ConfigureAwait(false);
        if (answers.FirstOrDefault(a => !a.IsSuccess) is { } failed)
        {
            throw GraphGateway.Fault(failed, "Looking for pending changes");
        }

        var manifests = answers
            .SelectMany(a => ItemRecord.ParseMany(a.Body))
            .Select(i => i.Text(ColumnNames.PendingWrites))
            .Where(m => !string.IsNullOrEmpty(m))
            .Select(m => ChangeManifest.Deserialize(m!))
            .DistinctBy(m => m.ChangeKey)
            .ToList();
        foreach (var manifest in manifests)
        {
            await FinishAsync(manifest, cancellationToken).ConfigureAwait(false);
        }

        if (await FindAsync(ListSchema.AuditHeadKey, ColumnNames.OperationId, HeadId, cancellationToken).ConfigureAwait(false) is { } head
            && head.Text(ColumnNames.PendingWrites) is { Length: > 0 } consumed)
        {
            await ConsumeIntentsAsync(JsonSerializer.Deserialize<int[]>(consumed) ?? [], cancellationToken).ConfigureAwait(false);
            await ClearHeadAsync(head, cancellationToken).ConfigureAwait(false);
        }

        return manifests.Count;
    }
}
