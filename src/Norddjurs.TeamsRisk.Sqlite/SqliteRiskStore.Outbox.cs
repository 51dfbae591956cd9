using Microsoft.Data.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Sqlite;

public sealed partial class SqliteRiskStore
{
    private const string OutboxColumns =
        "id, kind, ordering_key, payload_json, created_at, status, attempts, next_attempt_at, last_error, claimed_by, claimed_until, version, dead_at";

    public Task<IReadOnlyList<OutboxRow>> ReadDueOutboxAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();

        // Only the oldest pending row of each key may go: a later card must not overtake an earlier one (§5).
        using var command = Sql.Command(
            connection,
            null,
            $"""
            SELECT {OutboxColumns} FROM outbox o
            WHERE o.status = 'pending'
              AND o.position = (SELECT MIN(p.position) FROM outbox p WHERE p.ordering_key = o.ordering_key AND p.status = 'pending')
              AND o.next_attempt_at <= @now
              AND (o.claimed_until IS NULL OR o.claimed_until <= @now)
            ORDER BY o.position LIMIT @max;
            """)
            .With("@now", Sql.Ticks(now)).With("@max", max);
        return Task.FromResult<IReadOnlyList<OutboxRow>>(ReadOutboxRows(command));
    }

    public Task<OutboxRow?> TryClaimAsync(string messageId, long expectedVersion, string claimant, DateTimeOffset claimedUntil, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();
        using var command = Sql.Command(
            connection,
            null,
            $"""
            UPDATE outbox SET claimed_by = @claimant, claimed_until = @until, version = version + 1
            WHERE id = @id AND version = @version AND status = 'pending'
            RETURNING {OutboxColumns};
            """)
            .With("@claimant", claimant).With("@until", Sql.Ticks(claimedUntil)).With("@id", messageId).With("@version", expectedVersion);
        return Task.FromResult(ReadOutboxRows(command).SingleOrDefault());
    }

    public Task<bool> MarkSentAsync(string messageId, long expectedVersion, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        Transition(
            "status = 'sent', sent_at = @at, attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL",
            messageId,
            expectedVersion,
            ("@at", Sql.Ticks(sentAt)),
            cancellationToken);

    public Task<bool> MarkRetryAsync(string messageId, long expectedVersion, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        Transition(
            "attempts = attempts + 1, next_attempt_at = @next, last_error = @error, claimed_by = NULL, claimed_until = NULL",
            messageId,
            expectedVersion,
            ("@next", Sql.Ticks(nextAttemptAt)),
            cancellationToken,
            ("@error", error));

    public Task<bool> MarkDeadAsync(string messageId, long expectedVersion, string reason, DateTimeOffset deadAt, CancellationToken cancellationToken) =>
        Transition(
            "status = 'dead', attempts = attempts + 1, last_error = @error, dead_at = @at, claimed_by = NULL, claimed_until = NULL",
            messageId,
            expectedVersion,
            ("@error", reason),
            cancellationToken,
            ("@at", Sql.Ticks(deadAt)));

    public Task<OutboxPage> ReadDeadLettersAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, OutboxPage.MaxPageSize);
        cancellationToken.ThrowIfCancellationRequested();
        var after = AfterPosition(continuationToken);
        using var connection = OpenConnection();

        // One row more than the page tells whether there is a next page; position is commit order.
        using var command = Sql.Command(
            connection,
            null,
            $"SELECT {OutboxColumns}, position FROM outbox WHERE status = 'dead' AND position > @after ORDER BY position LIMIT @limit;")
            .With("@after", after).With("@limit", pageSize + 1);
        var rows = new List<(OutboxRow Row, long Position)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((ReadOutboxRow(reader), reader.GetInt64(13)));
            }
        }

        var more = rows.Count > pageSize;
        var page = rows.Take(pageSize).ToList();
        return Task.FromResult(new OutboxPage([.. page.Select(r => r.Row)], more ? PositionToken(page[^1].Position) : null));
    }

    public Task<OutboxRow?> GetOutboxRowAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();
        using var command = Sql.Command(connection, null, $"SELECT {OutboxColumns} FROM outbox WHERE id = @id;").With("@id", messageId);
        return Task.FromResult(ReadOutboxRows(command).SingleOrDefault());
    }

    public Task<CommitResult> RequeueDeadLetterAsync(string messageId, long expectedVersion, DateTimeOffset nextAttemptAt, StoreChange change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        change.EnsureWellFormed();
        var intents = Serialize(change);
        return Task.FromResult(InWriteTransaction<CommitResult>((connection, transaction) =>
        {
            if (FirstResult(connection, transaction, change.IdempotencyKey) is { } replayed)
            {
                return (false, replayed);
            }

            using (var requeue = Sql.Command(
                connection,
                transaction,
                """
                UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = @next, dead_at = NULL,
                                  claimed_by = NULL, claimed_until = NULL, version = version + 1
                WHERE id = @id AND version = @version AND status = 'dead';
                """)
                .With("@next", Sql.Ticks(nextAttemptAt)).With("@id", messageId).With("@version", expectedVersion))
            {
                if (requeue.ExecuteNonQuery() != 1)
                {
                    using var read = Sql.Command(connection, transaction, "SELECT version FROM outbox WHERE id = @id;").With("@id", messageId);
                    var actual = read.ExecuteScalar() is long v ? v : (long?)null;
                    return (false, new CommitResult.Conflict(IOutbox.OutboxRowKind, messageId, expectedVersion, actual));
                }
            }

            Step("requeue");
            return Apply(connection, transaction, change, intents);
        }));
    }

    /// <summary>One guarded update: it applies only while the row is pending at the version the caller saw.</summary>
    private Task<bool> Transition(
        string set,
        string messageId,
        long expectedVersion,
        (string Name, object Value) parameter,
        CancellationToken cancellationToken,
        (string Name, object Value)? extra = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();
        using var command = Sql.Command(connection, null, $"UPDATE outbox SET {set}, version = version + 1 WHERE id = @id AND version = @version AND status = 'pending';")
            .With("@id", messageId).With("@version", expectedVersion).With(parameter.Name, parameter.Value);
        if (extra is { } more)
        {
            command.With(more.Name, more.Value);
        }

        return Task.FromResult(command.ExecuteNonQuery() == 1);
    }

    private static List<OutboxRow> ReadOutboxRows(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<OutboxRow>();
        while (reader.Read())
        {
            rows.Add(ReadOutboxRow(reader));
        }

        return rows;
    }

    private static OutboxRow ReadOutboxRow(SqliteDataReader reader)
    {
        var message = new OutboxMessage(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Sql.Time(reader.GetInt64(4)));
        return new OutboxRow(
            message,
            Status(reader.GetString(5)),
            reader.GetInt32(6),
            Sql.Time(reader.GetInt64(7)),
            Sql.NullableString(reader, 8),
            Sql.NullableString(reader, 9),
            reader.IsDBNull(10) ? null : Sql.Time(reader.GetInt64(10)),
            reader.GetInt64(11))
        {
            DeadAt = reader.IsDBNull(12) ? null : Sql.Time(reader.GetInt64(12)),
        };
    }

    /// <summary>The token is the last row's position, opaque to callers (the SharePoint store uses Graph's skip token).</summary>
    private static string PositionToken(long position) =>
        "o" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static long AfterPosition(string? token)
    {
        if (token is null)
        {
            return 0;
        }

        if (token.Length > 1 && token[0] == 'o'
            && long.TryParse(token.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position))
        {
            return position;
        }

        throw new ArgumentException("Not a continuation token of this store.", nameof(token));
    }

    private static OutboxStatus Status(string value) => value switch
    {
        "pending" => OutboxStatus.Pending,
        "sent" => OutboxStatus.Sent,
        "dead" => OutboxStatus.Dead,
        _ => throw new InvalidOperationException($"Unknown outbox status '{value}'."),
    };
}
