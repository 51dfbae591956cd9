using Microsoft.Data.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Sqlite;

public sealed partial class SqliteRiskStore
{
    private const string OutboxColumns =
        "id, kind, ordering_key, payload_json, created_at, status, attempts, next_attempt_at, last_error, claimed_by, claimed_until, version";

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

    public Task<bool> MarkDeadAsync(string messageId, long expectedVersion, string reason, CancellationToken cancellationToken) =>
        Transition(
            "status = 'dead', attempts = attempts + 1, last_error = @error, claimed_by = NULL, claimed_until = NULL",
            messageId,
            expectedVersion,
            ("@error", reason),
            cancellationToken);

    public Task<IReadOnlyList<OutboxRow>> ReadDeadLettersAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();
        using var command = Sql.Command(connection, null, $"SELECT {OutboxColumns} FROM outbox WHERE status = 'dead' ORDER BY position LIMIT @max;")
            .With("@max", max);
        return Task.FromResult<IReadOnlyList<OutboxRow>>(ReadOutboxRows(command));
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
            var message = new OutboxMessage(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Sql.Time(reader.GetInt64(4)));
            rows.Add(new OutboxRow(
                message,
                Status(reader.GetString(5)),
                reader.GetInt32(6),
                Sql.Time(reader.GetInt64(7)),
                Sql.NullableString(reader, 8),
                Sql.NullableString(reader, 9),
                reader.IsDBNull(10) ? null : Sql.Time(reader.GetInt64(10)),
                reader.GetInt64(11)));
        }

        return rows;
    }

    private static OutboxStatus Status(string value) => value switch
    {
        "pending" => OutboxStatus.Pending,
        "sent" => OutboxStatus.Sent,
        "dead" => OutboxStatus.Dead,
        _ => throw new InvalidOperationException($"Unknown outbox status '{value}'."),
    };
}
