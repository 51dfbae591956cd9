using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// design.md §2.3 without transactions. Round trips of a card-sized change: one <c>$batch</c> of reads (the key's applied
/// row, the documents; skipped when the document was just read here), the first item's write with If-Match, one <c>$batch</c>
/// chain (other writes, intents, outbox rows, the applied row, the first item's clearing). A crash anywhere leaves the
/// change pending, invisible to readers, and finished by a retry of its key or by <see cref="RecoverAsync"/>.
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
                // An earlier attempt of this key stopped halfway: finish it rather than start over (or, if its manifest is
                // gone, settle the item and read again).
                if (await FinishStoredAsync(earlier.ListKey, earlier.Item!, cancellationToken).ConfigureAwait(false) is { } finished)
                {
                    return finished;
                }

                continue;
            }

            if (targets.FirstOrDefault(t => t.Item is { Pending: true } && t.Confirmed) is { } uncleared && round < MaxResolveRounds)
            {
                // Committed but not yet cleared: clear it and read again.
                await ClearAsync(uncleared, cancellationToken).ConfigureAwait(false);
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

            return await CompleteAsync(manifest, targets, cancellationToken).ConfigureAwait(false);
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
}
