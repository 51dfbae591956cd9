using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// Finishing a change: the dependent writes as one <c>$batch</c> chain ending with the applied row (the commit point),
/// or, when a write can no longer be made, the roll-back that answers a conflict.
/// </summary>
public sealed partial class GraphRiskStore
{
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
            // In batches (a large change leaves hundreds), the carrier last; an item cleared or moved meanwhile answers 404 or
            // 412, which is as good as done.
            var ours = targets.Select((target, index) => (target, index)).Where(t => t.target.IsOurs(manifest)).ToList();
            await _graph.BatchAsync([.. ours.Where(t => t.index > 0).Select(t => ClearRequest(t.target))], cancellationToken).ConfigureAwait(false);
            if (ours.FirstOrDefault(t => t.index == 0).target is { } carrier)
            {
                await ClearAsync(carrier, cancellationToken).ConfigureAwait(false);
            }

            await DeletePartsAsync(manifest, cancellationToken).ConfigureAwait(false);
            return new CommitResult.Replayed(applied.Text(ColumnNames.ResultJson));
        }

        if (targets.Where(t => !t.IsOurs(manifest)).Select(t => t.Refusal()).FirstOrDefault(c => c is not null) is { } conflict)
        {
            await RollBackAsync(manifest, cancellationToken).ConfigureAwait(false);
            return conflict;
        }

        return await CompleteAsync(manifest, targets, finishing ? ChainRunner.Finisher : ChainRunner.Writer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The dependent writes as one chain: a refused target write joins another runner of the change or rolls it back (see
    /// <see cref="ChainRunner"/>); any other failure leaves it pending. The change answers at its commit point: what is left
    /// to clear then runs after (<see cref="AfterCommit"/>).
    /// </summary>
    private async Task<CommitResult> CompleteAsync(ChangeManifest manifest, List<Target> targets, ChainRunner runner, CancellationToken cancellationToken)
    {
        // The carrier (the first target) is written first; the others point to it. It is unwritten here only when a
        // finisher found the change rolled back under it and goes on forward.
        var steps = new List<(GraphRequest Request, StepRole Role, int Target)>();
        for (var i = 0; i < targets.Count; i++)
        {
            if (!targets[i].IsOurs(manifest))
            {
                var carried = i == 0
                    ? await CarrierTextAsync(manifest, cancellationToken).ConfigureAwait(false)
                    : new PendingWritesValue.Reference(targets[0].ListKey, targets[0].Id).ToString();
                steps.Add((TargetWrite(targets[i], manifest, carried), StepRole.Target, i));
            }
        }

        steps.AddRange(DependentWrites(manifest).Select(d => (d.Request, d.Role, -1)));
        var probed = runner == ChainRunner.Unread && !targets.Any(t => t.IsOurs(manifest));
        if (probed)
        {
            // Nothing of this attempt is written yet and nothing was read: the chain first looks for the key's applied row.
            steps.Insert(0, (AppliedRowRead(manifest), StepRole.Probe, -1));
        }

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

        if (probed && results[0] is { IsSuccess: true } probe && ItemRecord.ParseMany(probe.Body).FirstOrDefault() is { } earlier)
        {
            return await ReplayedOverAsync(manifest, earlier, [.. steps.Select((s, i) => (s.Request, s.Role, results[i]))], cancellationToken).ConfigureAwait(false);
        }

        CommitResult? outcome = null;
        var replayed = false;
        var carrierCleared = false;
        var written = new List<Target>();
        for (var i = 0; i < steps.Count && results[i] is { } answer; i++)
        {
            var (_, role, target) = steps[i];
            carrierCleared |= role == StepRole.Clear && target == 0 && (answer.IsSuccess || answer.Status is 404 or 412);
            if (role == StepRole.Target && answer.IsSuccess)
            {
                written.Add(targets[target].After(answer.Body!));
            }
            else if (role == StepRole.Target && (answer.Status == _duplicate || answer.Status == 412))
            {
                var anyOurs = written.Count > 0 || targets.Any(t => t.IsOurs(manifest));
                return await RefusedAsync(manifest, targets[target], target, runner, anyOurs, cancellationToken).ConfigureAwait(false);
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
                // Another attempt of this key reached the commit point first: answered below as that attempt did.
                replayed = true;
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

        // The items written inside the chain got their eTags only now; clearing them is housekeeping, not visibility (an
        // item of a committed change reads as committed), so it runs after the answer.
        if (written.Count > 0 || (carrierCleared && manifest.CarrierText().Length > ManifestPartLength))
        {
            var carrier = written.FindIndex(t => t.ListKey == targets[0].ListKey && t.Id == targets[0].Id);
            AfterCommit(() => ClearWrittenAsync(manifest, written, carrier, carrierCleared));
        }

        return replayed ? await ReplayedOrAsync(manifest, outcome, cancellationToken).ConfigureAwait(false) : outcome;
    }

    /// <summary>
    /// A target write refused (409: the item exists; 412: it moved). The key's applied row first: a replay answers as the
    /// first time and rolls nothing back. Then an item of ours means another runner of this change wrote it: a writer joins
    /// it, a finisher rolls back. Otherwise the change is rolled back and answers the conflict; a runner that skipped its
    /// read lets the full path read and decide instead (it may be a stale change to finish, or a conflict).
    /// </summary>
    private async Task<CommitResult> RefusedAsync(ChangeManifest manifest, Target refused, int index, ChainRunner runner, bool anyOurs, CancellationToken cancellationToken)
    {
        if (runner == ChainRunner.Unread && !anyOurs)
        {
            // The chain's first step was refused: nothing of this attempt was written.
            return await CommitReadAsync(manifest, cancellationToken).ConfigureAwait(false);
        }

        var (applied, now) = await ReadTargetsAsync(manifest, withApplied: true, cancellationToken).ConfigureAwait(false);
        if (applied is not null)
        {
            RememberCommitted(manifest.ChangeKey);
            return new CommitResult.Replayed(applied.Text(ColumnNames.ResultJson));
        }

        if (now[index].IsOurs(manifest) && runner != ChainRunner.Finisher)
        {
            // Another runner of this change (a retry, the sweep) wrote it first: finish together, never roll back.
            return await FinishAsync(manifest, finishing: true, cancellationToken).ConfigureAwait(false);
        }

        await RollBackAsync(manifest, cancellationToken).ConfigureAwait(false);
        return runner == ChainRunner.Unread
            ? await CommitReadAsync(manifest, cancellationToken).ConfigureAwait(false)
            : refused.ConflictWith(now[index].ActualVersion);
    }

    /// <summary>
    /// Clears the items created inside the chain (the eTags came back with it), then deletes the manifest's parts once the
    /// carrier is clear. Run after the answer; whatever it leaves, the recovery sweep clears (an item of a committed change).
    /// </summary>
    private async Task ClearWrittenAsync(ChangeManifest manifest, List<Target> written, int carrier, bool carrierCleared)
    {
        if (written.Count > 0)
        {
            var clears = await _graph.BatchAsync([.. written.Select(ClearRequest)], CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < written.Count; i++)
            {
                if (clears[i].IsSuccess && written[i].Write is { } write)
                {
                    _cache.Remember(write.Kind, written[i].After(clears[i].Body!).Item!);
                }
            }

            carrierCleared |= carrier >= 0 && clears[carrier].IsSuccess;
        }

        // The parts go once nothing carries them; while the carrier is still marked, a finisher needs them.
        if (carrierCleared)
        {
            await DeletePartsAsync(manifest, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Who runs a chain, which decides what a refused target write means (<see cref="RefusedAsync"/>).</summary>
    private enum ChainRunner
    {
        /// <summary>Read the targets first (the full path).</summary>
        Writer,

        /// <summary>Finishing a change another runner of the key started (a refused write rolls it back).</summary>
        Finisher,

        /// <summary>Skipped the read (<see cref="CommitUnreadAsync"/>).</summary>
        Unread,
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
}
