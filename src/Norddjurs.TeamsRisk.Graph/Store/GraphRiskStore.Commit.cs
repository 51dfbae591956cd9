using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// design.md §2.3 without transactions. Round trips of a card-sized change: one <c>$batch</c> of reads (the key's applied
/// row, the documents; skipped when the read is not needed, <see cref="CommitUnreadAsync"/>), the first item's write with
/// If-Match (an update; a create goes in the chain), one <c>$batch</c> chain (other writes, intents, outbox rows, the
/// applied row, the first item's clearing). The change answers there; items created in the chain are cleared after
/// (<see cref="AfterCommit"/>). A crash anywhere leaves the change pending, invisible to readers, and finished by a retry of
/// its key or by <see cref="RecoverAsync"/>.
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
        var manifest = ChangeManifest.From(change);
        var result = await CommitManifestAsync(manifest, cancellationToken).ConfigureAwait(false);

        // Whichever path found the conflict, a key that committed meanwhile (another runner of this change) is a replay.
        return result is CommitResult.Conflict ? await ReplayedOrAsync(manifest, result, cancellationToken).ConfigureAwait(false) : result;
    }

    private async Task<CommitResult> CommitManifestAsync(ChangeManifest manifest, CancellationToken cancellationToken)
    {
        // Built before any request, so a value too long for its column (§3.8) is refused with nothing written.
        EnsureWritesFit(manifest);
        _ = DependentWrites(manifest);
        return UnreadTargets(manifest) is { } targets
            ? await CommitUnreadAsync(manifest, targets, cancellationToken).ConfigureAwait(false)
            : await CommitReadAsync(manifest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The full path: the key's applied row and every target read first, then the writes.</summary>
    private async Task<CommitResult> CommitReadAsync(ChangeManifest manifest, CancellationToken cancellationToken)
    {
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
                // An earlier attempt of this key stopped halfway: finish it rather than start over (or, if its manifest is
                // gone, settle the item and read again).
                if (await FinishStoredAsync(earlier.ListKey, earlier.Item!, cancellationToken).ConfigureAwait(false) is { } finished)
                {
                    return finished;
                }

                continue;
            }

            if (targets.Where(t => t.Item is { Pending: true } && t.Confirmed).ToList() is { Count: > 0 } uncleared && round < MaxResolveRounds)
            {
                // Committed but not yet cleared (the clearing after that change's answer may still be on its way): clear them
                // all in one batch and read again, so this change writes at the eTags they keep. One at a time, a change over
                // many such items (a round right after an import) went ahead at eTags the late clearing then moved: a conflict.
                // A clear that meets 404 or 412 lost to another clearing: as good.
                await _graph.BatchAsync([.. uncleared.Select(ClearRequest)], cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (targets.FirstOrDefault(t => !t.Confirmed && t.Item!.Modified < _time.GetUtcNow() - StalePending) is { } stale && round < MaxResolveRounds
                && stale.Item!.Text(ColumnNames.PendingWrites) is { Length: > 0 })
            {
                await FinishStoredAsync(stale.ListKey, stale.Item, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (targets.Select(t => t.Refusal()).FirstOrDefault(c => c is not null) is { } conflict)
            {
                return await ReplayedOrAsync(manifest, conflict, cancellationToken).ConfigureAwait(false);
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
                        if (await FinishStoredAsync(now[0].ListKey, now[0].Item!, cancellationToken).ConfigureAwait(false) is { } finished)
                        {
                            return finished;
                        }

                        continue;
                    }

                    return await ReplayedOrAsync(manifest, now[0].Refusal() ?? primary.ConflictWith(now[0].ActualVersion), cancellationToken).ConfigureAwait(false);
                }
            }

            return await CompleteAsync(manifest, targets, ChainRunner.Writer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A conflict seen by a replay may be the key's own first application, committed and cleared between our reads (a
    /// $batch is not a snapshot): if the key's applied-change row exists now, the answer is the replay, not a conflict.
    /// </summary>
    private async Task<CommitResult> ReplayedOrAsync(ChangeManifest manifest, CommitResult conflict, CancellationToken cancellationToken)
    {
        var (applied, _) = await ReadTargetsAsync(manifest, withApplied: true, cancellationToken).ConfigureAwait(false);
        if (applied is null)
        {
            return conflict;
        }

        RememberCommitted(manifest.ChangeKey);
        return new CommitResult.Replayed(applied.Text(ColumnNames.ResultJson));
    }

    /// <summary>
    /// A change that needs no read (design.md §2 latency budget; <see cref="UnreadTargets"/>): a cached update goes first with
    /// the cached eTag as If-Match (a 412 means the cache was stale), then the chain, whose creates the unique DocId turns into
    /// a 409 when the item exists; a change of creates only is the chain alone (its carrier the first step), a change that
    /// writes no item too (intents and messages are idempotent by OperationId, the applied row answers a replay). Whatever
    /// is refused goes to the full path, which reads the key's applied row first: a replay answers as the first time and an
    /// earlier attempt that stopped halfway is finished, never rolled back.
    /// </summary>
    private async Task<CommitResult> CommitUnreadAsync(ChangeManifest manifest, List<Target> targets, CancellationToken cancellationToken)
    {
        if (targets is [{ Item: not null } primary, ..])
        {
            try
            {
                targets[0] = await WritePrimaryAsync(primary, manifest, cancellationToken).ConfigureAwait(false);
            }
            catch (GraphStoreException e) when (GraphGateway.IsStatus(e, _duplicate, 412))
            {
                _cache.Forget(primary.Kind, primary.Id);
                return await CommitReadAsync(manifest, cancellationToken).ConfigureAwait(false);
            }
        }

        return await CompleteAsync(manifest, targets, ChainRunner.Unread, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The targets of a change that may skip the read, or null: a cached update at the expected version first (mutable kinds
    /// only), or a create; then creates only (immutable kinds too); or none. One cached update at most: a stale cache on a
    /// later update would surface only after the first item was written.
    /// </summary>
    private List<Target>? UnreadTargets(ChangeManifest manifest)
    {
        if (manifest.Requeue is not null)
        {
            return null;
        }

        var targets = new List<Target>(manifest.Writes.Count);
        foreach (var write in manifest.Writes)
        {
            var cached = write.ExpectedVersion is null ? null : _cache.Find(write.Kind, write.Id);
            var unread = write.ExpectedVersion is null
                || (targets.Count == 0 && !DocumentKinds.IsImmutable(write.Kind) && cached?.Number(ColumnNames.DocVersion) == write.ExpectedVersion);
            if (!unread)
            {
                return null;
            }

            targets.Add(new Target(ListKeyOf(write.Kind), write.Kind, write.Id, write.ExpectedVersion, cached, cached?.Fields) { Write = write });
        }

        return targets;
    }
}
