using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// design.md §6 without transactions: entries are created first (invisible beyond the head), the head item moves with
/// If-Match (the commit point) carrying the intents it consumed, then those intents are deleted and the head cleared.
/// The audit list grows without bound, so it is read only by its indexed Seq (§4.4).
/// </summary>
public sealed partial class GraphRiskStore
{
    private const string HeadId = "head";

    /// <summary>
    /// The head item as this instance last read or wrote it. A seal acts on it when it is the head the sealer expects, with
    /// its eTag as If-Match (a 412 means it moved: the seal answers HeadMoved), instead of reading it again; on SharePoint the
    /// head was read five times per seal.
    /// </summary>
    private ItemRecord? _headSeen;

    public async Task<IReadOnlyList<AuditIntent>> ReadPendingAuditIntentsAsync(int max, CancellationToken cancellationToken) =>
        (await ReadSealingWorkAsync(max, cancellationToken).ConfigureAwait(false)).Intents;

    /// <summary>
    /// The confirmed intents not yet consumed, in commit order (item id), and the head they were found with: intents of
    /// unconfirmed changes are skipped, and so are those a moved head already consumed but could not yet delete (its
    /// consumed list). The head is read only when there are intents, so the sealer's idle poll is one round trip, and the
    /// sealer seals after the head read here rather than reading it again. A seal finishing between the two reads can leave
    /// an intent listed that it sealed: only the lease holder seals, and <see cref="SealAsync"/> refuses another sealer by the
    /// fencing token and a head that moved by the If-Match.
    /// </summary>
    public async Task<SealingWork> ReadSealingWorkAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var items = await ReadAllAsync(IntentsUrl, cancellationToken).ConfigureAwait(false);
        if (items.Count == 0)
        {
            return new SealingWork([], null);
        }

        var head = await ReadHeadAsync(cancellationToken).ConfigureAwait(false);
        var pending = await PendingAmongAsync(items, head, cancellationToken).ConfigureAwait(false);
        return new SealingWork([.. pending.Take(max).Select(p => AuditIntentJson.Deserialize(p.Json))], ToHead(head));
    }

    public async Task<SealResult> SealAsync(Lease lease, IReadOnlyList<AuditEntry> entries, ChainHead? expectedHead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(entries);
        EnsureFollows(entries, expectedHead);
        var cached = Volatile.Read(ref _headSeen) is { } seen && ToHead(seen) == expectedHead ? seen : null;
        var read = await ReadForSealAsync(lease, cached, cancellationToken).ConfigureAwait(false);
        if (!read.HoldsLease)
        {
            return new SealResult.LeaseLost();
        }

        var headItem = read.Head;
        if (ToHead(headItem) is var head && head != expectedHead)
        {
            return new SealResult.HeadMoved(head);
        }

        var intents = (await PendingAmongAsync(read.Intents, headItem, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.EntryId, p => p.ItemId, StringComparer.Ordinal);
        if (cached is not null && entries.Any(e => !intents.ContainsKey(e.Intent.EntryId)))
        {
            // Sealed by someone the cached head has not seen: decide on the head as it is now.
            Volatile.Write(ref _headSeen, null);
            return await SealAsync(lease, entries, expectedHead, cancellationToken).ConfigureAwait(false);
        }
        // What an earlier seal consumed but could not delete stays listed: dropping it from the head would make those
        // intents pending again, and sealed twice.
        var consumed = ConsumedBy(headItem).Concat(entries.Select(e => intents.TryGetValue(e.Intent.EntryId, out var id)
            ? id
            : throw new InvalidOperationException($"Audit entry {e.Intent.EntryId} has no pending intent."))).Distinct().ToList();

        await AppendEntriesAsync(entries, cancellationToken).ConfigureAwait(false);
        var last = entries[^1];
        var fields = new JsonObject
        {
            [ColumnNames.Seq] = last.Seq,
            [ColumnNames.Hash] = last.Hash,
            [ColumnNames.PendingWrites] = JsonSerializer.Serialize(consumed),
        };
        JsonNode? answer;
        try
        {
            answer = headItem is null
                ? await _graph.SendAsync(new GraphRequest("POST", ItemsUrl(ListSchema.AuditHeadKey), new JsonObject { ["fields"] = WithHeadId(fields) }), cancellationToken).ConfigureAwait(false)
                : await _graph.SendAsync(new GraphRequest("PATCH", ItemUrl(ListSchema.AuditHeadKey, headItem.ItemId) + "/fields", fields, headItem.ETag), cancellationToken).ConfigureAwait(false);
        }
        catch (GraphStoreException e) when (GraphGateway.IsStatus(e, _duplicate, 412))
        {
            return new SealResult.HeadMoved(await GetChainHeadAsync(cancellationToken).ConfigureAwait(false));
        }

        if (!await ConsumeIntentsAsync(consumed, cancellationToken).ConfigureAwait(false))
        {
            // Some intents are still there: the head keeps listing them (the next seal or the sweep deletes them).
            Volatile.Write(ref _headSeen, null);
            return new SealResult.Sealed(last.Head);
        }

        // Cleared with the eTag the move returned (read only if the answer lacked it): a 412 means the next seal moved it already.
        var moved = answer is null ? null : headItem is null ? ItemRecord.Parse(answer) : answer["@odata.etag"] is null ? null : headItem.Patched(answer);
        if (moved is { ETag.Length: > 0 })
        {
            await ClearHeadAsync(moved, cancellationToken).ConfigureAwait(false);
        }
        else if (answer is not null && await ReadHeadAsync(cancellationToken).ConfigureAwait(false) is { } now)
        {
            await ClearHeadAsync(now, cancellationToken).ConfigureAwait(false);
        }

        return new SealResult.Sealed(last.Head);
    }

    public async Task<ChainHead?> GetChainHeadAsync(CancellationToken cancellationToken) =>
        ToHead(await ReadHeadAsync(cancellationToken).ConfigureAwait(false));

    private async Task<ItemRecord?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var head = await FindAsync(ListSchema.AuditHeadKey, ColumnNames.OperationId, HeadId, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _headSeen, head);
        return head;
    }


    public async Task<IReadOnlyList<AuditEntry>> ReadChainAsync(long fromSeq, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        if (await GetChainHeadAsync(cancellationToken).ConfigureAwait(false) is not { } head)
        {
            return [];
        }

        // A bounded range of the indexed Seq, unsorted: the match set stays at most max (under the threshold, §4.4).
        var url = QueryUrl(
            ListSchema.AuditEntriesKey,
            string.Create(CultureInfo.InvariantCulture, $"fields/{ColumnNames.Seq} ge {fromSeq} and fields/{ColumnNames.Seq} lt {fromSeq + max}"),
            top: Math.Min(max, DocumentQuery.MaxPageSize));
        var entries = new List<AuditEntry>();
        foreach (var item in await ReadAllAsync(url, cancellationToken).ConfigureAwait(false))
        {
            // Entries beyond the head belong to a seal that never moved it: not part of the chain.
            if (item.Number(ColumnNames.Seq) is { } seq && seq <= head.Seq)
            {
                entries.Add(AuditEntry.Parse(item.Text(ColumnNames.EntryJson)!).Value);
            }
        }

        entries.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return [.. entries.Take(max)];
    }

    /// <summary>Creates the entries in one chain; an entry left beyond the head by an earlier, unfinished seal is overwritten.</summary>
    private async Task AppendEntriesAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var requests = entries.Select(e => new GraphRequest("POST", ItemsUrl(ListSchema.AuditEntriesKey), new JsonObject { ["fields"] = EntryFields(e) })).ToList();
        var results = await _graph.ChainAsync(requests, (_, answer) => answer.Status == _duplicate, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < entries.Count; i++)
        {
            if (results[i] is not { } answer || (!answer.IsSuccess && answer.Status != _duplicate))
            {
                throw GraphGateway.Fault(results[i] ?? new GraphResponse(424, null), "Appending audit entries");
            }

            if (answer.Status == _duplicate && await FindAsync(ListSchema.AuditEntriesKey, ColumnNames.OperationId, SeqId(entries[i].Seq), cancellationToken).ConfigureAwait(false) is { } orphan)
            {
                await _graph.SendAsync(new GraphRequest("PATCH", ItemUrl(ListSchema.AuditEntriesKey, orphan.ItemId) + "/fields", EntryFields(entries[i]), orphan.ETag), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Deletes the sealed intents; true when none is left (gone already counts), so the head may stop listing them.</summary>
    private async Task<bool> ConsumeIntentsAsync(IReadOnlyList<int> intentItemIds, CancellationToken cancellationToken)
    {
        if (intentItemIds.Count == 0)
        {
            return true;
        }

        var answers = await _graph.BatchAsync([.. intentItemIds.Select(id => new GraphRequest("DELETE", ItemUrl(ListSchema.AuditIntentsKey, id)))], cancellationToken).ConfigureAwait(false);
        return answers.All(a => a.IsSuccess || a.Status == 404);
    }

    private static int[] ConsumedBy(ItemRecord? head) =>
        head?.Text(ColumnNames.PendingWrites) is { Length: > 0 } list ? JsonSerializer.Deserialize<int[]>(list) ?? [] : [];

    private async Task ClearHeadAsync(ItemRecord head, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await _graph.SendAsync(new GraphRequest("PATCH", ItemUrl(ListSchema.AuditHeadKey, head.ItemId) + "/fields", new JsonObject { [ColumnNames.PendingWrites] = null }, head.ETag), cancellationToken).ConfigureAwait(false);

            // The cleared head is the one the next seal acts on; without its new eTag, that seal reads it.
            Volatile.Write(ref _headSeen, answer?["@odata.etag"] is not null ? head.Patched(answer) : null);
        }
        catch (GraphStoreException e) when (GraphGateway.IsStatus(e, 412))
        {
            // The next seal moved the head; its own consumed list replaces this one.
            Volatile.Write(ref _headSeen, null);
        }
    }

    private string IntentsUrl => QueryUrl(ListSchema.AuditIntentsKey, top: OutboxReadPage);

    /// <summary>
    /// A seal's reads in one round trip: the lease (fencing: held means nobody acquired it since), the head unless the seal
    /// acts on the one it holds, and the intents (their further pages, rare, after).
    /// </summary>
    private async Task<(bool HoldsLease, ItemRecord? Head, List<ItemRecord> Intents)> ReadForSealAsync(Lease lease, ItemRecord? knownHead, CancellationToken cancellationToken)
    {
        var reads = new List<GraphRequest>
        {
            new("GET", QueryUrl(ListSchema.LeasesKey, Eq(ColumnNames.OperationId, lease.Name), top: 2)),
            new("GET", IntentsUrl),
        };
        if (knownHead is null)
        {
            reads.Add(new GraphRequest("GET", QueryUrl(ListSchema.AuditHeadKey, Eq(ColumnNames.OperationId, HeadId), top: 2)));
        }

        var answers = await _graph.BatchAsync(reads, cancellationToken).ConfigureAwait(false);
        if (answers.FirstOrDefault(a => !a.IsSuccess) is { } failed)
        {
            throw GraphGateway.Fault(failed, "Reading what the seal needs");
        }

        var holds = ItemRecord.ParseMany(answers[0].Body).FirstOrDefault() is { } item && IsHolding(lease, item);
        var intents = ItemRecord.ParseMany(answers[1].Body).ToList();
        if (answers[1].Body?["@odata.nextLink"]?.GetValue<string>() is { } next)
        {
            intents.AddRange(await ReadAllAsync(next, cancellationToken).ConfigureAwait(false));
        }

        var head = knownHead;
        if (knownHead is null)
        {
            head = ItemRecord.ParseMany(answers[2].Body).FirstOrDefault();
            Volatile.Write(ref _headSeen, head);
        }

        return (holds, head, intents);
    }

    /// <summary>The intents among <paramref name="items"/> that <paramref name="head"/> (as read, null: no chain yet) does not list as consumed.</summary>
    private async Task<List<(int ItemId, string EntryId, string Json)>> PendingAmongAsync(List<ItemRecord> items, ItemRecord? head, CancellationToken cancellationToken)
    {
        var consumed = ConsumedBy(head);
        var pending = new List<(int, string, string)>();
        foreach (var item in items)
        {
            if (!consumed.Contains(item.ItemId) && await VisibleAsync(item, cancellationToken).ConfigureAwait(false) is { } visible)
            {
                pending.Add((item.ItemId, ItemRecord.Text(visible, ColumnNames.EntryId)!, ItemRecord.Text(visible, ColumnNames.IntentJson)!));
            }
        }

        return [.. pending.OrderBy(p => p.Item1)];
    }

    private static JsonObject EntryFields(AuditEntry entry) => new()
    {
        [ColumnNames.OperationId] = SeqId(entry.Seq),
        [ColumnNames.Seq] = entry.Seq,
        [ColumnNames.EntryId] = entry.Intent.EntryId,
        [ColumnNames.Hash] = entry.Hash,
        [ColumnNames.EntryJson] = entry.ToJsonLine(),
    };

    private static JsonObject WithHeadId(JsonObject fields)
    {
        fields[ColumnNames.OperationId] = HeadId;
        return fields;
    }

    private static string SeqId(long seq) => "seq:" + seq.ToString(CultureInfo.InvariantCulture);

    private static ChainHead? ToHead(ItemRecord? item) =>
        item?.Number(ColumnNames.Seq) is { } seq && item.Text(ColumnNames.Hash) is { } hash ? new ChainHead(seq, hash) : null;

    /// <summary>Entries that do not continue the expected head cannot be a chain: the caller did not use AuditChain.Seal.</summary>
    private static void EnsureFollows(IReadOnlyList<AuditEntry> entries, ChainHead? head)
    {
        if (entries.Count == 0)
        {
            throw new ArgumentException("Nothing to seal.", nameof(entries));
        }

        var previous = head;
        foreach (var entry in entries)
        {
            if (entry.Seq != (previous?.Seq ?? 0) + 1 || entry.PrevHash != (previous?.Hash ?? AuditChain.GenesisHash))
            {
                throw new ArgumentException($"Entry {entry.Seq} does not follow {previous?.Seq ?? 0}.", nameof(entries));
            }

            previous = entry.Head;
        }
    }
}
