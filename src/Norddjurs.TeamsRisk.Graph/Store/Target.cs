using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// An item a change writes (a document, or the outbox row a requeue revives) with what was read of it: the item, what
/// readers see of it, and whether its own pending change (if any) is confirmed.
/// </summary>
internal sealed record Target(string ListKey, string Kind, string Id, long? Expected, ItemRecord? Item, JsonObject? Visible)
{
    public DocumentWrite? Write { get; init; }

    public bool Confirmed { get; init; } = true;

    private bool IsOutboxRow => Kind == IOutbox.OutboxRowKind;

    public string IdColumn => IsOutboxRow ? ColumnNames.OperationId : ColumnNames.DocId;

    private string VersionColumn => IsOutboxRow ? ColumnNames.RowVersion : ColumnNames.DocVersion;

    /// <summary>Written by this change already (an earlier attempt, or the first write of this one).</summary>
    public bool IsOurs(ChangeManifest manifest) => Item is { Pending: true } item && item.ChangeKey == manifest.ChangeKey;

    /// <summary>
    /// The version a conflict reports: what readers see, except that an item of another unconfirmed change reports the
    /// version that change is writing (it will most likely commit; the caller re-reads either way).
    /// </summary>
    public long? ActualVersion => Item is null ? null : !Confirmed ? Item.Number(VersionColumn) : Visible is null ? null : ItemRecord.Number(Visible, VersionColumn);

    /// <summary>The conflict that stops the change, or null when the write may go ahead (design.md §2.4, §2.5).</summary>
    public CommitResult.Conflict? Refusal()
    {
        bool allowed;
        if (IsOutboxRow)
        {
            allowed = Confirmed && Visible is not null && ItemRecord.Text(Visible, ColumnNames.Status) == "dead" && ActualVersion == Expected;
        }
        else if (Expected is null)
        {
            allowed = Item is null;
        }
        else
        {
            allowed = Confirmed && ActualVersion == Expected && !DocumentKinds.IsImmutable(Kind);
        }

        return allowed ? null : ConflictWith(ActualVersion);
    }

    public CommitResult.Conflict ConflictWith(long? actual) => new(Kind, Id, Expected, actual);

    /// <summary>The item as the write left it: a created listItem, or an updated fieldValueSet with its new eTag.</summary>
    public Target After(JsonNode answer)
    {
        if (answer["fields"] is not null && answer["id"] is not null)
        {
            return this with { Item = ItemRecord.Parse(answer) };
        }

        return this with { Item = Item!.Patched(answer) };
    }

    /// <summary>The values this change writes into the item (the pending marks are added by the store).</summary>
    public JsonObject NewFields(ChangeManifest manifest)
    {
        if (IsOutboxRow)
        {
            var requeue = manifest.Requeue!;
            return new JsonObject
            {
                [ColumnNames.Status] = "pending",
                [ColumnNames.Attempts] = 0,
                [ColumnNames.NextAttemptAt] = FieldValues.Time(requeue.NextAttemptAt),
                [ColumnNames.DeadAt] = null,
                [ColumnNames.ClaimedBy] = null,
                [ColumnNames.ClaimedUntil] = null,
                [ColumnNames.RowVersion] = requeue.ExpectedVersion + 1,
            };
        }

        var write = Write!;
        var version = (write.ExpectedVersion ?? 0) + 1;
        var fields = new JsonObject
        {
            [ColumnNames.DocId] = write.Id,
            [ColumnNames.DocVersion] = version,
            [ColumnNames.Body] = write.Json,
        };

        // Every declared index is written, absent ones as null: the index replaces the previous one (DocumentWrite).
        foreach (var name in DocumentKinds.IndexNames[write.Kind])
        {
            fields[ColumnNames.ForIndex(name)] = write.Index.TryGetValue(name, out var value) ? value : null;
        }

        var list = ListSchema.Get(ListKey);
        foreach (var (name, value) in AppColumns.Projected(list, write.Json))
        {
            fields[name] = value?.DeepClone();
        }

        // A declared column with nothing to write is written empty: the marker says what every owned column holds.
        foreach (var column in AppColumns.Owned(list).Where(c => !fields.ContainsKey(c.Name)))
        {
            fields[column.Name] = null;
        }

        fields[ColumnNames.AppWriteVersion] = AppColumns.Fingerprint(list, fields);
        return fields;
    }
}
