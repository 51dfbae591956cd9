using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// design.md §2.3 without transactions. Round trips of a card-sized change: one <c>$batch</c> of reads (the key's applied
/// row, the documents), the first item's write with If-Match, one <c>$batch</c> chain (other writes, intents, outbox rows,
/// the applied row, the first item's clearing). A crash anywhere leaves the change pending, invisible to readers, and
/// finished by a retry of its key or by <see cref="RecoverAsync"/>.
/// </summary>
public sealed partial class GraphRiskStore
{
    private const int MaxResolveRounds = 3;

    /// <summary>A change pending this long is taken for dead (its runner crashed): the next writer finishes it, not only the sweep.</summary>
    private static readonly TimeSpan StalePending = TimeSpan.FromMinutes(2);

    public async Task<CommitResult> CommitAsync(StoreChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        change.EnsureWellFormed();
        return await CommitManifestAsync(ChangeManifest.From(change), cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommitResult> CommitManifestAsync(ChangeManifest manifest, CancellationToken cancellationToken)
    {
        // Built before any request, so a value too long for its column (§3.8) is refused with nothing written.
        _ = DependentWrites(manifest);
        if (await TryCachedAsync(manifest, cancellationToken).ConfigureAwait(false) is { } fast)
        {
            return fast;
        }

        for (var round = 0; ; round++)
        {
            var (applied, targets) = await ReadTargetsAsync(manifest, withApplied: true, cancellationToken).ConfigureAwait(false);
            if (applied is not null)
            {
                RememberCommitted(manifest.ChangeKey);
                return new CommitResult.Replayed(applied.Text(ColumnNames.ResultJson));
            }

            if (targets.FirstOrDefault(t => t.IsOurs(manifest)) is { } earlier)
            {
                // An earlier attempt of this key stopped halfway: finish it rather than start over.
                return await FinishAsync(ChangeManifest.Deserialize(earlier.Item!.Text(ColumnNames.PendingWrites)!), cancellationToken).ConfigureAwait(false);
            }

            if (targets.FirstOrDefault(t => t.Item is { Pending: true } && t.Confirmed) is { } uncleared && round < MaxResolveRounds)
            {
                // Committed but not yet cleared: clear it and read again.
                await ClearAsync(uncleared, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (targets.FirstOrDefault(t => !t.Confirmed && t.Item!.Modified < _time.GetUtcNow() - StalePending) is { } stale && round < MaxResolveRounds
                && stale.Item!.Text(ColumnNames.PendingWrites) is { Length: > 0 } staleManifest)
            {
                await FinishAsync(ChangeManifest.Deserialize(staleManifest), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (targets.Select(t => t.Refusal()).FirstOrDefault(c => c is not null) is { } conflict)
            {
                return conflict;
            }

            var primary = targets.FirstOrDefault();
            if (primary is not null)
            {
                try
                {
                    targets[0] = await WritePrimaryAsync(primary, manifest, cancellationToken).ConfigureAwait(false);
                }
                catch (GraphStoreException e) when (GraphGateway.IsStatus(e, _duplicate, 412))
                {
                    var (_, now) = await ReadTargetsAsync(manifest, withApplied: false, cancellationToken).ConfigureAwait(false);
                    if (now[0].IsOurs(manifest))
                    {
                        return await FinishAsync(ChangeManifest.Deserialize(now[0].Item!.Text(ColumnNames.PendingWrites)!), cancellationToken).ConfigureAwait(false);
                    }

                    return now[0].Refusal() ?? primary.ConflictWith(now[0].ActualVersion);
                }
            }

            return await CompleteAsync(manifest, targets, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The common card action, in two round trips: every document is an update this instance has cached at the expected
    /// version, so the first item is written at once with the cached eTag as If-Match (a 412 means the cache was stale:
    /// null, and the full path runs). A replayed key cannot slip through: its first application moved the document.
    /// </summary>
    private async Task<CommitResult?> TryCachedAsync(ChangeManifest manifest, CancellationToken cancellationToken)
    {
        // One document only: a stale cache on a later write would surface as a conflict the full path would not have.
        if (manifest.Requeue is not null || manifest.Writes.Count != 1)
        {
            return null;
        }

        var targets = new List<Target>();
        foreach (var write in manifest.Writes)
        {
            if (write.ExpectedVersion is null || DocumentKinds.IsImmutable(write.Kind)
                || _cache.Find(write.Kind, write.Id) is not { } cached || cached.Number(ColumnNames.DocVersion) != write.ExpectedVersion)
            {
                return null;
            }

            targets.Add(new Target(ListKeyOf(write.Kind), write.Kind, write.Id, write.ExpectedVersion, cached, cached.Fields) { Write = write });
        }

        try
        {
            targets[0] = await WritePrimaryAsync(targets[0], manifest, cancellationToken).ConfigureAwait(false);
        }
        catch (GraphStoreException e) when (GraphGateway.IsStatus(e, _duplicate, 412))
        {
            _cache.Forget(targets[0].Kind, targets[0].Id);
            return null;
        }

        return await CompleteAsync(manifest, targets, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Completes a pending change from its manifest: if it committed, only its marks are cleared (a replay); otherwise the
    /// writes not yet made are made, or, when one of them can no longer be made (someone else moved the item), the change is
    /// rolled back and answers as a conflict.
    /// </summary>
    private Task<CommitResult> FinishAsync(ChangeManifest manifest, CancellationToken cancellationToken) =>
        FinishAsync(manifest, finishing: false, cancellationToken);

    private async Task<CommitResult> FinishAsync(ChangeManifest manifest, bool finishing, CancellationToken cancellationToken)
    {
        var (applied, targets) = await ReadTargetsAsync(manifest, withApplied: true, cancellationToken).ConfigureAwait(false);
        if (applied is not null)
        {
            RememberCommitted(manifest.ChangeKey);
            foreach (var target in targets.Where(t => t.IsOurs(manifest)))
            {
                await ClearAsync(target, cancellationToken).ConfigureAwait(false);
            }

            return new CommitResult.Replayed(applied.Text(ColumnNames.ResultJson));
        }

        if (targets.Where(t => !t.IsOurs(manifest)).Select(t => t.Refusal()).FirstOrDefault(c => c is not null) is { } conflict)
        {
            await RollBackAsync(manifest, cancellationToken).ConfigureAwait(false);
            return conflict;
        }

        return await CompleteAsync(manifest, targets, finishing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The dependent writes as one chain: a failed target write rolls the change back; any other failure leaves it pending.</summary>
    private Task<CommitResult> CompleteAsync(ChangeManifest manifest, List<Target> targets, CancellationToken cancellationToken) =>
        CompleteAsync(manifest, targets, finishing: false, cancellationToken);

    private async Task<CommitResult> CompleteAsync(ChangeManifest manifest, List<Target> targets, bool finishing, CancellationToken cancellationToken)
    {
        var steps = new List<(GraphRequest Request, StepRole Role, int Target)>();
        for (var i = 0; i < targets.Count; i++)
        {
            if (!targets[i].IsOurs(manifest))
            {
                steps.Add((TargetWrite(targets[i], manifest), StepRole.Target, i));
            }
        }

        steps.AddRange(DependentWrites(manifest).Select(d => (d.Request, d.Role, -1)));
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i].IsOurs(manifest))
            {
                steps.Add((ClearRequest(targets[i]), StepRole.Clear, i));
            }
        }

        var results = await _graph.ChainAsync(
            [.. steps.Select(s => s.Request)],
            (i, answer) => steps[i].Role switch
            {
                // An idempotent create that exists already (a retried POST, or an earlier attempt): done (§7.7).
                StepRole.Intent or StepRole.Outbox or StepRole.Applied => answer.Status == _duplicate,
                StepRole.Clear => answer.Status is 404 or 412 || answer.Status == _duplicate,
                _ => false,
            },
            cancellationToken).ConfigureAwait(false);

        CommitResult? outcome = null;
        var written = new List<Target>();
        for (var i = 0; i < steps.Count && results[i] is { } answer; i++)
        {
            var (_, role, target) = steps[i];
            if (role == StepRole.Target && answer.IsSuccess)
            {
                written.Add(targets[target].After(answer.Body!));
            }
            else if (role == StepRole.Target && (answer.Status == _duplicate || answer.Status == 412))
            {
                var (_, now) = await ReadTargetsAsync(manifest, withApplied: false, cancellationToken).ConfigureAwait(false);
                if (now[target].IsOurs(manifest) && !finishing)
                {
                    // Another runner of this change (a retry, the sweep) wrote it first: finish together, never roll back.
                    return await FinishAsync(manifest, finishing: true, cancellationToken).ConfigureAwait(false);
                }

                await RollBackAsync(manifest, cancellationToken).ConfigureAwait(false);
                return targets[target].ConflictWith(now[target].ActualVersion);
            }
            else if (role == StepRole.Clear && answer.IsSuccess && targets[target].Write is { } cleared)
            {
                _cache.Remember(cleared.Kind, targets[target].After(answer.Body!).Item!);
            }
            else if (role == StepRole.Applied && answer.IsSuccess)
            {
                outcome = Committed(manifest);
            }
            else if (role == StepRole.Applied && answer.Status == _duplicate)
            {
                // Another attempt of this key reached the commit point first.
                outcome = new CommitResult.Replayed(manifest.Result);
            }
        }

        if (outcome is null)
        {
            // The chain stopped before the commit point: the change stays pending (invisible) for a retry or the sweep.
            var cause = results.FirstOrDefault(r => r is { IsSuccess: false } && r.Status != _duplicate) ?? new GraphResponse(424, null);
            throw GraphGateway.Fault(cause, $"Change {manifest.ChangeKey[..12]} is not confirmed");
        }

        RememberCommitted(manifest.ChangeKey);

        // The items written inside the chain got their eTags only now: clear them in one more batch (multi-item changes only).
        if (written.Count > 0)
        {
            await _graph.BatchAsync([.. written.Select(ClearRequest)], cancellationToken).ConfigureAwait(false);
        }

        return outcome ?? Committed(manifest);
    }

    private static CommitResult.Committed Committed(ChangeManifest manifest) =>
        new([.. manifest.Writes.Select(w => new DocumentVersion(w.Kind, w.Id, (w.ExpectedVersion ?? 0) + 1))]);

    /// <summary>The creates that follow the targets, each idempotent by its OperationId, ending with the applied row (the commit point).</summary>
    private List<(GraphRequest Request, StepRole Role)> DependentWrites(ChangeManifest manifest)
    {
        var steps = new List<(GraphRequest, StepRole)>();
        foreach (var intent in manifest.Intents)
        {
            steps.Add((Create(ListSchema.AuditIntentsKey, new JsonObject
            {
                [ColumnNames.OperationId] = intent.EntryId,
                [ColumnNames.EntryId] = intent.EntryId,
                [ColumnNames.IntentJson] = intent.Json,
                [ColumnNames.Pending] = true,
                [ColumnNames.ChangeKey] = manifest.ChangeKey,
            }), StepRole.Intent));
        }

        foreach (var message in manifest.Outbox)
        {
            var fields = OutboxFields(message);
            fields[ColumnNames.Pending] = true;
            fields[ColumnNames.ChangeKey] = manifest.ChangeKey;
            steps.Add((Create(ListSchema.OutboxKey, fields), StepRole.Outbox));
        }

        steps.Add((Create(ListSchema.AppliedChangesKey, new JsonObject
        {
            [ColumnNames.OperationId] = manifest.ChangeKey,
            [ColumnNames.IdempotencyKey] = manifest.Key,
            [ColumnNames.ResultJson] = manifest.Result,
            [ColumnNames.AppliedAt] = FieldValues.Time(_time.GetUtcNow()),
        }), StepRole.Applied));
        return steps;
    }

    private GraphRequest Create(string listKey, JsonObject fields)
    {
        FieldValues.EnsureFits(ListSchema.Get(listKey), fields);
        return new GraphRequest("POST", ItemsUrl(listKey), new JsonObject { ["fields"] = fields });
    }

    private async Task<Target> WritePrimaryAsync(Target primary, ChangeManifest manifest, CancellationToken cancellationToken)
    {
        var answer = await _graph.SendAsync(TargetWrite(primary, manifest), cancellationToken).ConfigureAwait(false);
        return primary.After(answer!);
    }

    /// <summary>A target's new values with its pending marks: the manifest and the values it replaces (for readers and roll-back).</summary>
    private GraphRequest TargetWrite(Target target, ChangeManifest manifest)
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
        fields[ColumnNames.PendingWrites] = manifest.SerializeFor(target.Write);
        fields[ColumnNames.Previous] = previous?.ToJsonString();
        FieldValues.EnsureFits(ListSchema.Get(target.ListKey), fields);
        if (target.Item is null)
        {
            fields[ColumnNames.OperationId] = target.ListKey == ListSchema.OutboxKey ? target.Id : Guid.NewGuid().ToString();
            return new GraphRequest("POST", ItemsUrl(target.ListKey), new JsonObject { ["fields"] = fields });
        }

        return new GraphRequest("PATCH", ItemUrl(target.ListKey, target.Item.ItemId) + "/fields", fields, target.Item.ETag);
    }

    private GraphRequest ClearRequest(Target target) =>
        new("PATCH", ItemUrl(target.ListKey, target.Item!.ItemId) + "/fields", Cleared(withManifest: true), target.Item.ETag);

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

    /// <summary>Puts back what the change wrote: previous values restored, created items deleted. Items moved on since are left alone.</summary>
    private async Task RollBackAsync(ChangeManifest manifest, CancellationToken cancellationToken)
    {
        var (_, targets) = await ReadTargetsAsync(manifest, withApplied: false, cancellationToken).ConfigureAwait(false);
        var requests = new List<GraphRequest>();
        foreach (var target in targets.Where(t => t.IsOurs(manifest)))
        {
            var item = target.Item!;
            if (item.Text(ColumnNames.Previous) is { Length: > 0 } previous)
            {
                var fields = JsonNode.Parse(previous)!.AsObject();
                foreach (var (name, value) in Cleared(withManifest: true))
                {
                    fields[name] = value?.DeepClone();
                }

                requests.Add(new GraphRequest("PATCH", ItemUrl(target.ListKey, item.ItemId) + "/fields", fields, item.ETag));
            }
            else
            {
                requests.Add(new GraphRequest("DELETE", ItemUrl(target.ListKey, item.ItemId), IfMatch: item.ETag));
            }
        }

        if (requests.Count > 0)
        {
            await _graph.BatchAsync(requests, cancellationToken).ConfigureAwait(false);
        }
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
            reads.Add(new GraphRequest("GET", QueryUrl(ListSchema.AppliedChangesKey, Eq(ColumnNames.OperationId, manifest.ChangeKey), top: 1)));
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

        var offset = withApplied ? 1 : 0;
        for (var i = 0; i < targets.Count; i++)
        {
            var item = ItemRecord.ParseMany(answers[i + offset].Body).FirstOrDefault();
            var confirmed = item is null || !item.Pending || item.ChangeKey is null || await IsCommittedAsync(item.ChangeKey, cancellationToken).ConfigureAwait(false);
            targets[i] = targets[i] with { Item = item, Visible = item is null ? null : await VisibleAsync(item, cancellationToken).ConfigureAwait(false), Confirmed = confirmed };
        }

        return (withApplied ? ItemRecord.ParseMany(answers[0].Body).FirstOrDefault() : null, targets);
    }

    private enum StepRole
    {
        Target,
        Intent,
        Outbox,
        Applied,
        Clear,
    }
}
