using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// A change's pending writes (design.md §2.3 without transactions): everything needed to finish it, carried by the first
/// item it writes until it is confirmed (the others point there, <see cref="PendingWritesValue"/>), so whoever finds it
/// unfinished (a retry, the recovery sweep) can complete it.
/// <see cref="ChangeKey"/> is the SHA-256 of the idempotency key: fixed length, so it fits an indexed text column.
/// </summary>
internal sealed record ChangeManifest(
    string Key,
    string? Result,
    IReadOnlyList<DocumentWrite> Writes,
    IReadOnlyList<ManifestIntent> Intents,
    IReadOnlyList<OutboxMessage> Outbox,
    ManifestRequeue? Requeue)
{
    // Stored as data, never put in HTML: quotes and Danish letters stay one character each rather than a six-character
    // escape, which keeps a manifest of JSON documents a third smaller (fewer parts).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ChangeKey => KeyHash(Key);

    public static string KeyHash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static ChangeManifest From(StoreChange change, ManifestRequeue? requeue = null) =>
        new(change.IdempotencyKey, change.ResultJson, change.Writes,
            [.. change.AuditIntents.Select(i => new ManifestIntent(i.EntryId, AuditIntentJson.Serialize(i)))], change.Outbox, requeue);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// The copy an item carries: without that item's own JSON, which its Body holds already (a finisher never rewrites an
    /// item that carries the change), so a pending item does not hold its document twice.
    /// </summary>
    public string SerializeFor(DocumentWrite? carrier) =>
        carrier is null
            ? Serialize()
            : (this with { Writes = [.. Writes.Select(w => w.Kind == carrier.Kind && w.Id == carrier.Id ? w with { Json = string.Empty } : w)] }).Serialize();

    /// <summary>
    /// The item that carries the manifest: the first one the change writes (the revived outbox row, else the first
    /// document); null for a change that writes no item.
    /// </summary>
    public (string ListKey, string Id, DocumentWrite? Write)? CarrierItem() =>
        Requeue is { } requeue ? (ListSchema.OutboxKey, requeue.MessageId, null)
        : Writes.Count > 0 ? (ListSchema.DocumentListKeys[Writes[0].Kind], Writes[0].Id, Writes[0])
        : null;

    /// <summary>The text the carrier holds: the manifest without the carrier's own JSON (its Body has it).</summary>
    public string CarrierText() => SerializeFor(CarrierItem()?.Write);

    public static ChangeManifest Deserialize(string json) =>
        JsonSerializer.Deserialize<ChangeManifest>(json, Json) ?? throw new JsonException("An empty change manifest.");
}

internal sealed record ManifestIntent(string EntryId, string Json);

/// <summary>A dead outbox row put back to pending as part of the change (IOutbox.RequeueDeadLetterAsync).</summary>
internal sealed record ManifestRequeue(string MessageId, long ExpectedVersion, DateTimeOffset NextAttemptAt);
