using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// Where a change's manifest lives (<see cref="PendingWritesValue"/>): in its carrier's column when it fits, else in parts
/// in the ChangeManifests list, written before the carrier and deleted once the change is cleared. Finding the manifest
/// of any pending item, and what to do with an item whose carrier no longer carries its change.
/// </summary>
public sealed partial class GraphRiskStore
{
    /// <summary>A manifest longer than this is stored in parts: a little under <see cref="FieldValues.MaxNoteLength"/>.</summary>
    internal const int ManifestPartLength = 60_000;

    // Parts are read a few at a time: each is up to 60,000 characters.
    private const int PartsReadPage = 20;

    /// <summary>
    /// The carrier's <c>PendingWrites</c>: the manifest, or, when longer than <see cref="ManifestPartLength"/>, a pointer to
    /// its parts, which are written first (each create idempotent by its OperationId, which names the text's hash).
    /// </summary>
    private async Task<string> CarrierTextAsync(ChangeManifest manifest, CancellationToken cancellationToken)
    {
        var text = manifest.CarrierText();
        if (text.Length <= ManifestPartLength)
        {
            return text;
        }

        var pointer = new PendingWritesValue.Parts(manifest.ChangeKey, 0, Sha256(text));
        var parts = Split(text);
        var answers = await _graph.BatchAsync(
            [.. parts.Select((part, i) => Create(ListSchema.ChangeManifestsKey, new JsonObject
            {
                [ColumnNames.OperationId] = PartId(pointer, i),
                [ColumnNames.ChangeKey] = manifest.ChangeKey,
                [ColumnNames.PartNumber] = i,
                [ColumnNames.PartText] = part,
            }))],
            cancellationToken).ConfigureAwait(false);
        if (answers.FirstOrDefault(a => !a.IsSuccess && a.Status != _duplicate) is { } failed)
        {
            throw GraphGateway.Fault(failed, $"Writing the manifest of change {manifest.ChangeKey[..12]}");
        }

        return (pointer with { Count = parts.Count }).ToString();
    }

    /// <summary>The manifest of the change a pending item belongs to, or null when its carrier no longer carries it (or its parts are gone).</summary>
    private async Task<ChangeManifest?> StoredManifestAsync(ItemRecord item, CancellationToken cancellationToken)
    {
        switch (PendingWritesValue.Parse(item.Text(ColumnNames.PendingWrites)))
        {
            case PendingWritesValue.Inline inline:
                return inline.Manifest;
            case PendingWritesValue.Parts parts:
                return await ReadPartsAsync(parts, cancellationToken).ConfigureAwait(false);
            case PendingWritesValue.Reference reference when item.ChangeKey is { } key:
                var carrier = await FindAsync(reference.ListKey, IdColumnOf(reference.ListKey), reference.Id, cancellationToken).ConfigureAwait(false);
                return carrier is { Pending: true } && carrier.ChangeKey == key && PendingWritesValue.Parse(carrier.Text(ColumnNames.PendingWrites)) is PendingWritesValue.Inline or PendingWritesValue.Parts
                    ? await StoredManifestAsync(carrier, cancellationToken).ConfigureAwait(false)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Finishes the change a pending item belongs to. When its manifest is gone, the item is alone: cleared if its change
    /// committed (the carrier is cleared last), else put back (the carrier is put back last, so its change was rolled back
    /// or its parts swept). Null in that case: the caller reads again.
    /// </summary>
    private async Task<CommitResult?> FinishStoredAsync(string listKey, ItemRecord item, CancellationToken cancellationToken)
    {
        if (await StoredManifestAsync(item, cancellationToken).ConfigureAwait(false) is { } manifest)
        {
            return await FinishAsync(manifest, cancellationToken).ConfigureAwait(false);
        }

        var request = item.ChangeKey is { } key && await IsCommittedAsync(key, cancellationToken).ConfigureAwait(false)
            ? ClearRequest(listKey, item)
            : RollBackRequest(listKey, item);
        var answer = (await _graph.BatchAsync([request], cancellationToken).ConfigureAwait(false))[0];
        if (!answer.IsSuccess && answer.Status is not (404 or 412))
        {
            throw GraphGateway.Fault(answer, "Settling an item whose change has no manifest");
        }

        return null;
    }

    private async Task<ChangeManifest?> ReadPartsAsync(PendingWritesValue.Parts pointer, CancellationToken cancellationToken)
    {
        var prefix = PartId(pointer, 0)[..^1];
        var parts = (await ReadAllAsync(QueryUrl(ListSchema.ChangeManifestsKey, Eq(ColumnNames.ChangeKey, pointer.ChangeKey), top: PartsReadPage), cancellationToken).ConfigureAwait(false))
            .Where(p => p.Text(ColumnNames.OperationId)?.StartsWith(prefix, StringComparison.Ordinal) == true)
            .OrderBy(p => p.Number(ColumnNames.PartNumber))
            .Select(p => p.Text(ColumnNames.PartText) ?? string.Empty)
            .ToList();
        var text = string.Concat(parts);
        return parts.Count == pointer.Count && Sha256(text) == pointer.Sha256 ? ChangeManifest.Deserialize(text) : null;
    }

    /// <summary>Deletes a finished change's parts, if it had any. Best effort: the sweep deletes what is left.</summary>
    private async Task DeletePartsAsync(ChangeManifest manifest, CancellationToken cancellationToken)
    {
        if (manifest.CarrierText().Length <= ManifestPartLength)
        {
            return;
        }

        try
        {
            var parts = await ReadAllAsync(PartsUrl(Eq(ColumnNames.ChangeKey, manifest.ChangeKey)), cancellationToken).ConfigureAwait(false);
            await _graph.BatchAsync([.. parts.Select(p => new GraphRequest("DELETE", ItemUrl(ListSchema.ChangeManifestsKey, p.ItemId)))], cancellationToken).ConfigureAwait(false);
        }
        catch (GraphStoreException)
        {
            // The change is finished either way; the sweep removes parts whose change is no longer pending.
        }
    }

    /// <summary>
    /// The sweep's share: parts of a change no pending item carries (<paramref name="pending"/>), once that change committed
    /// (left by a finisher that stopped after clearing), or older than <paramref name="cutoff"/> (written by a runner that
    /// died before its carrier, or of a change rolled back). Younger parts of an uncommitted change may belong to a runner
    /// about to write its carrier.
    /// </summary>
    private async Task DeleteOrphanPartsAsync(HashSet<string> pending, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var orphans = new List<GraphRequest>();
        foreach (var change in (await ReadAllAsync(PartsUrl(null), cancellationToken).ConfigureAwait(false)).GroupBy(p => p.ChangeKey ?? string.Empty))
        {
            if (!pending.Contains(change.Key)
                && (change.All(p => p.Created <= cutoff) || await IsCommittedAsync(change.Key, cancellationToken).ConfigureAwait(false)))
            {
                orphans.AddRange(change.Select(p => new GraphRequest("DELETE", ItemUrl(ListSchema.ChangeManifestsKey, p.ItemId), IfMatch: p.ETag)));
            }
        }

        if (orphans.Count > 0)
        {
            await _graph.BatchAsync(orphans, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The parts list without the parts' text: what deleting needs.</summary>
    private string PartsUrl(string? filter) =>
        ItemsUrl(ListSchema.ChangeManifestsKey) + "?$expand=" + Uri.EscapeDataString($"fields($select={ColumnNames.OperationId},{ColumnNames.ChangeKey})")
        + (filter is null ? string.Empty : "&$filter=" + Uri.EscapeDataString(filter)) + "&$top=" + OutboxReadPage.ToString(CultureInfo.InvariantCulture);

    private static string PartId(PendingWritesValue.Parts pointer, int part) =>
        string.Create(CultureInfo.InvariantCulture, $"{pointer.ChangeKey}:{pointer.Sha256[..16]}:{part}");

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Cuts the text into parts of at most <see cref="ManifestPartLength"/> characters, never inside a surrogate pair.</summary>
    private static List<string> Split(string text)
    {
        var parts = new List<string>();
        for (var start = 0; start < text.Length;)
        {
            var length = Math.Min(ManifestPartLength, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            parts.Add(text.Substring(start, length));
            start += length;
        }

        return parts;
    }

    private static string IdColumnOf(string listKey) => listKey == ListSchema.OutboxKey ? ColumnNames.OperationId : ColumnNames.DocId;
}
