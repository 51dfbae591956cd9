using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// design.md §5 on the outbox list. The item id is commit order; Status is the indexed column every read filters on, so
/// the sent rows that pile up are never scanned. Each transition is a PATCH with If-Match, so two dispatchers never both win.
/// </summary>
public sealed partial class GraphRiskStore
{
    private const int OutboxReadPage = 500;

    public async Task<IReadOnlyList<OutboxRow>> ReadDueOutboxAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var pending = new List<(int Position, OutboxRow Row)>();
        foreach (var item in await ReadAllAsync(QueryUrl(ListSchema.OutboxKey, Eq(ColumnNames.Status, "pending"), top: OutboxReadPage), cancellationToken).ConfigureAwait(false))
        {
            if (await VisibleAsync(item, cancellationToken).ConfigureAwait(false) is { } visible && ToRow(visible) is { Status: OutboxStatus.Pending } row)
            {
                pending.Add((item.ItemId, row));
            }
        }

        // Only the oldest pending row of each conversation may go: a later card must not overtake an earlier one (§5).
        return [.. pending
            .GroupBy(p => p.Row.Message.OrderingKey, StringComparer.Ordinal)
            .Select(g => g.MinBy(p => p.Position))
            .Where(p => p.Row.NextAttemptAt <= now && (p.Row.ClaimedUntil is null || p.Row.ClaimedUntil <= now))
            .OrderBy(p => p.Position)
            .Take(max)
            .Select(p => p.Row)];
    }

    public async Task<OutboxRow?> TryClaimAsync(string messageId, long expectedVersion, string claimant, DateTimeOffset claimedUntil, CancellationToken cancellationToken) =>
        await TransitionAsync(messageId, expectedVersion, new JsonObject
        {
            [ColumnNames.ClaimedBy] = claimant,
            [ColumnNames.ClaimedUntil] = FieldValues.Time(claimedUntil),
        }, cancellationToken).ConfigureAwait(false);

    public async Task<bool> MarkSentAsync(string messageId, long expectedVersion, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        await TransitionAsync(messageId, expectedVersion, new JsonObject
        {
            [ColumnNames.Status] = "sent",
            [ColumnNames.SentAt] = FieldValues.Time(sentAt),
        }, cancellationToken, attempt: true).ConfigureAwait(false) is not null;

    public async Task<bool> MarkRetryAsync(string messageId, long expectedVersion, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        await TransitionAsync(messageId, expectedVersion, new JsonObject
        {
            [ColumnNames.NextAttemptAt] = FieldValues.Time(nextAttemptAt),
            [ColumnNames.LastError] = error,
        }, cancellationToken, attempt: true).ConfigureAwait(false) is not null;

    public async Task<bool> MarkDeadAsync(string messageId, long expectedVersion, string reason, DateTimeOffset deadAt, CancellationToken cancellationToken) =>
        await TransitionAsync(messageId, expectedVersion, new JsonObject
        {
            [ColumnNames.Status] = "dead",
            [ColumnNames.LastError] = reason,
            [ColumnNames.DeadAt] = FieldValues.Time(deadAt),
        }, cancellationToken, attempt: true).ConfigureAwait(false) is not null;

    public async Task<OutboxPage> ReadDeadLettersAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, OutboxPage.MaxPageSize);
        var url = continuationToken is null
            ? QueryUrl(ListSchema.OutboxKey, Eq(ColumnNames.Status, "dead"), top: pageSize)
            : NextLinkOf(continuationToken, ListSchema.OutboxKey);
        var page = await _graph.SendAsync(new GraphRequest("GET", url), cancellationToken).ConfigureAwait(false);
        var rows = new List<OutboxRow>();
        foreach (var item in ItemRecord.ParseMany(page))
        {
            if (await VisibleAsync(item, cancellationToken).ConfigureAwait(false) is { } visible && ToRow(visible) is { Status: OutboxStatus.Dead } row)
            {
                rows.Add(row);
            }
        }

        var next = page?["@odata.nextLink"]?.GetValue<string>();
        return new OutboxPage(rows, next is null ? null : TokenOf(next));
    }

    public async Task<OutboxRow?> GetOutboxRowAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var item = await FindAsync(ListSchema.OutboxKey, ColumnNames.OperationId, messageId, cancellationToken).ConfigureAwait(false);
        var visible = item is null ? null : await VisibleAsync(item, cancellationToken).ConfigureAwait(false);
        return visible is null ? null : ToRow(visible);
    }

    public async Task<CommitResult> RequeueDeadLetterAsync(string messageId, long expectedVersion, DateTimeOffset nextAttemptAt, StoreChange change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentNullException.ThrowIfNull(change);
        change.EnsureWellFormed();

        // The dead row is the change's first item: revived with If-Match, carrying the change until it is confirmed.
        var manifest = ChangeManifest.From(change, new ManifestRequeue(messageId, expectedVersion, nextAttemptAt));
        return await CommitManifestAsync(manifest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One guarded transition of a pending row at the version the caller saw; it also clears the row's pending marks, which
    /// is safe because only a confirmed row is ever visible as pending. Null when the row moved on (412 or another version).
    /// </summary>
    private async Task<OutboxRow?> TransitionAsync(string messageId, long expectedVersion, JsonObject changes, CancellationToken cancellationToken, bool attempt = false)
    {
        var item = await FindAsync(ListSchema.OutboxKey, ColumnNames.OperationId, messageId, cancellationToken).ConfigureAwait(false);
        var visible = item is null ? null : await VisibleAsync(item, cancellationToken).ConfigureAwait(false);
        if (visible is null || ToRow(visible) is not { Status: OutboxStatus.Pending } row || row.Version != expectedVersion)
        {
            return null;
        }

        var fields = changes;
        fields[ColumnNames.RowVersion] = expectedVersion + 1;
        if (attempt)
        {
            fields[ColumnNames.Attempts] = row.Attempts + 1;
            fields[ColumnNames.ClaimedBy] = null;
            fields[ColumnNames.ClaimedUntil] = null;
        }

        foreach (var (name, value) in Cleared(withManifest: true))
        {
            fields[name] = value?.DeepClone();
        }

        FieldValues.EnsureFits(ListSchema.Get(ListSchema.OutboxKey), fields);
        try
        {
            await _graph.SendAsync(new GraphRequest("PATCH", ItemUrl(ListSchema.OutboxKey, item!.ItemId) + "/fields", fields, item.ETag), cancellationToken).ConfigureAwait(false);
        }
        catch (GraphStoreException e) when (GraphGateway.IsStatus(e, 412))
        {
            return null;
        }

        var after = (JsonObject)visible.DeepClone();
        foreach (var (name, value) in fields)
        {
            after[name] = value?.DeepClone();
        }

        return ToRow(after);
    }

    private static JsonObject OutboxFields(OutboxMessage message) => new()
    {
        [ColumnNames.OperationId] = message.Id,
        [ColumnNames.MessageKind] = message.Kind,
        [ColumnNames.OrderingKey] = message.OrderingKey,
        [ColumnNames.Payload] = message.PayloadJson,
        [ColumnNames.CreatedAt] = FieldValues.Time(message.CreatedAt),
        [ColumnNames.Status] = "pending",
        [ColumnNames.Attempts] = 0,
        [ColumnNames.NextAttemptAt] = FieldValues.Time(message.CreatedAt),
        [ColumnNames.RowVersion] = 1,
    };

    private static OutboxRow ToRow(JsonObject fields)
    {
        var message = new OutboxMessage(
            ItemRecord.Text(fields, ColumnNames.OperationId)!,
            ItemRecord.Text(fields, ColumnNames.MessageKind)!,
            ItemRecord.Text(fields, ColumnNames.OrderingKey)!,
            ItemRecord.Text(fields, ColumnNames.Payload) ?? string.Empty,
            ItemRecord.Time(fields, ColumnNames.CreatedAt) ?? FieldValues.Epoch);
        return new OutboxRow(
            message,
            ItemRecord.Text(fields, ColumnNames.Status) switch
            {
                "pending" => OutboxStatus.Pending,
                "sent" => OutboxStatus.Sent,
                "dead" => OutboxStatus.Dead,
                var other => throw new InvalidOperationException($"Unknown outbox status '{other}'."),
            },
            (int)(ItemRecord.Number(fields, ColumnNames.Attempts) ?? 0),
            ItemRecord.Time(fields, ColumnNames.NextAttemptAt) ?? FieldValues.Epoch,
            ItemRecord.Text(fields, ColumnNames.LastError),
            ItemRecord.Text(fields, ColumnNames.ClaimedBy),
            ItemRecord.Time(fields, ColumnNames.ClaimedUntil),
            ItemRecord.Number(fields, ColumnNames.RowVersion) ?? 0)
        {
            DeadAt = ItemRecord.Time(fields, ColumnNames.DeadAt),
        };
    }
}
