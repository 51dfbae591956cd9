using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>The item-level requests of a change: its reads, the writes that carry its pending marks, clearing and roll-back.</summary>
public sealed partial class GraphRiskStore
{
    private GraphRequest Create(string listKey, JsonObject fields)
    {
        FieldValues.EnsureFits(ListSchema.Get(listKey), fields);
        return new GraphRequest("POST", ItemsUrl(listKey), new JsonObject { ["fields"] = fields });
    }

    /// <summary>The change's first write, with If-Match: the item that carries its manifest (its parts written before it if large).</summary>
    private async Task<Target> WritePrimaryAsync(Target primary, ChangeManifest manifest, CancellationToken cancellationToken)
    {
        var carried = await CarrierTextAsync(manifest, cancellationToken).ConfigureAwait(false);
        var answer = await _graph.SendAsync(TargetWrite(primary, manifest, carried), cancellationToken).ConfigureAwait(false);
        return primary.After(answer!);
    }

    /// <summary>
    /// A target's new values with its pending marks: what it carries of the change (the manifest, a pointer to its parts,
    /// or a reference to the carrier) and the values it replaces (for readers and roll-back).
    /// </summary>
    private GraphRequest TargetWrite(Target target, ChangeManifest manifest, string pendingWrites)
    {
        var fields = target.NewFields(manifest);
        JsonObject? previous = null;
        if (target.Item is { } item)
        {
            previous = [];
            foreach (var (name, _) in fields)
            {
                previous[name] = item.Fields[name]?.DeepClone();
            }
        }

        fields[ColumnNames.Pending] = true;
        fields[ColumnNames.ChangeKey] = manifest.ChangeKey;
        fields[ColumnNames.PendingWrites] = pendingWrites;
        fields[ColumnNames.Previous] = previous?.ToJsonString();
        FieldValues.EnsureFits(ListSchema.Get(target.ListKey), fields);
        if (target.Item is null)
        {
            fields[ColumnNames.OperationId] = target.ListKey == ListSchema.OutboxKey ? target.Id : Guid.NewGuid().ToString();
            return new GraphRequest("POST", ItemsUrl(target.ListKey), new JsonObject { ["fields"] = fields });
        }

        return new GraphRequest("PATCH", ItemUrl(target.ListKey, target.Item.ItemId) + "/fields", fields, target.Item.ETag);
    }

    /// <summary>
    /// Refuses, before any request, a change whose documents do not fit their columns (§3.8): a body over
    /// <see cref="FieldValues.MaxNoteLength"/> characters, an index over 255.
    /// </summary>
    private static void EnsureWritesFit(ChangeManifest manifest)
    {
        foreach (var write in manifest.Writes)
        {
            var target = new Target(ListKeyOf(write.Kind), write.Kind, write.Id, write.ExpectedVersion, null, null) { Write = write };
            FieldValues.EnsureFits(ListSchema.Get(target.ListKey), target.NewFields(manifest));
        }
    }

    private GraphRequest ClearRequest(Target target) => ClearRequest(target.ListKey, target.Item!);

    private GraphRequest ClearRequest(string listKey, ItemRecord item) =>
        new("PATCH", ItemUrl(listKey, item.ItemId) + "/fields", Cleared(withManifest: true), item.ETag);

    private async Task ClearAsync(Target target, CancellationToken cancellationToken)
    {
        try
        {
            await _graph.SendAsync(ClearRequest(target), cancellationToken).ConfigureAwait(false);
        }
        catch (GraphStoreException e) when (GraphGateway.IsStatus(e, 404, 412))
        {
            // Someone else cleared or moved it on: nothing left to do.
        }
    }

    /// <summary>
    /// Puts back what the change wrote: previous values restored, created items deleted. Items moved on since are left alone.
    /// The carrier goes last, so an item left pending by a roll-back cut short still finds the manifest.
    /// </summary>
    private async Task RollBackAsync(ChangeManifest manifest, CancellationToken cancellationToken)
    {
        // Never roll back a change that reached its commit point: another runner of the same key may have written the
        // applied row after our reads (its marks are cleared just after). Known gap: the window between this read and the
        // batch below; closing it needs the roll-back to take the applied row's slot first (a tombstone).
        var (applied, targets) = await ReadTargetsAsync(manifest, withApplied: true, cancellationToken).ConfigureAwait(false);
        if (applied is not null)
        {
            return;
        }

        var ours = targets.Select((target, index) => (target, index)).Where(t => t.target.IsOurs(manifest)).ToList();
        var others = ours.Where(t => t.index > 0).Select(t => RollBackRequest(t.target.ListKey, t.target.Item!)).ToList();
        if (others.Count > 0)
        {
            await _graph.BatchAsync(others, cancellationToken).ConfigureAwait(false);
        }

        if (ours.FirstOrDefault(t => t.index == 0).target is { } carrier)
        {
            await _graph.BatchAsync([RollBackRequest(carrier.ListKey, carrier.Item!)], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One item put back: its previous values with the marks cleared, or deleted when the change created it.</summary>
    private GraphRequest RollBackRequest(string listKey, ItemRecord item)
    {
        if (item.Text(ColumnNames.Previous) is { Length: > 0 } previous)
        {
            var fields = JsonNode.Parse(previous)!.AsObject();
            foreach (var (name, value) in Cleared(withManifest: true))
            {
                fields[name] = value?.DeepClone();
            }

            return new GraphRequest("PATCH", ItemUrl(listKey, item.ItemId) + "/fields", fields, item.ETag);
        }

        return new GraphRequest("DELETE", ItemUrl(listKey, item.ItemId), IfMatch: item.ETag);
    }

    /// <summary>One <c>$batch</c> of reads: the key's applied row (optional) and every item the change writes.</summary>
    private async Task<(ItemRecord? Applied, List<Target> Targets)> ReadTargetsAsync(ChangeManifest manifest, bool withApplied, CancellationToken cancellationToken)
    {
        var targets = new List<Target>();
        if (manifest.Requeue is { } requeue)
        {
            targets.Add(new Target(ListSchema.OutboxKey, IOutbox.OutboxRowKind, requeue.MessageId, requeue.ExpectedVersion, null, null));
        }

        targets.AddRange(manifest.Writes.Select(w => new Target(ListKeyOf(w.Kind), w.Kind, w.Id, w.ExpectedVersion, null, null) { Write = w }));
        var reads = new List<GraphRequest>();
        if (withApplied)
        {
            reads.Add(AppliedRowRead(manifest));
        }

        reads.AddRange(targets.Select(t => new GraphRequest("GET", QueryUrl(t.ListKey, Eq(t.IdColumn, t.Id), top: 1))));
        if (reads.Count == 0)
        {
            return (null, targets);
        }

        var answers = await _graph.BatchAsync(reads, cancellationToken).ConfigureAwait(false);
        if (answers.FirstOrDefault(a => !a.IsSuccess) is { } failed)
        {
            throw GraphGateway.Fault(failed, "Reading the change's items");
        }

        // Whether a change committed is asked once per change: a large change's items all name the same one.
        var offset = withApplied ? 1 : 0;
        var committed = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var i = 0; i < targets.Count; i++)
        {
            var item = ItemRecord.ParseMany(answers[i + offset].Body).FirstOrDefault();
            if (item is { Pending: true, ChangeKey: { } key } && !committed.ContainsKey(key))
            {
                committed[key] = await IsCommittedAsync(key, cancellationToken).ConfigureAwait(false);
            }

            var confirmed = item is not { Pending: true, ChangeKey: { } changeKey } || committed[changeKey];
            targets[i] = targets[i] with { Item = item, Visible = item is null ? null : Visible(item, confirmed), Confirmed = confirmed };
        }

        return (withApplied ? ItemRecord.ParseMany(answers[0].Body).FirstOrDefault() : null, targets);
    }

    /// <summary>The read of the key's applied-change row (the commit point).</summary>
    private GraphRequest AppliedRowRead(ChangeManifest manifest) =>
        new("GET", QueryUrl(ListSchema.AppliedChangesKey, Eq(ColumnNames.OperationId, manifest.ChangeKey), top: 1));

    private enum StepRole
    {
        Probe,
        Target,
        Intent,
        Outbox,
        Applied,
        Clear,
    }
}
