using Microsoft.Data.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Sqlite;

public sealed partial class SqliteRiskStore
{
    public Task<CommitResult> CommitAsync(StoreChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        change.EnsureWellFormed();

        var intents = Serialize(change);
        return Task.FromResult(InWriteTransaction<CommitResult>((connection, transaction) =>
            FirstResult(connection, transaction, change.IdempotencyKey) is { } replayed
                ? (false, replayed)
                : Apply(connection, transaction, change, intents)));
    }

    /// <summary>The change's statements inside the caller's transaction; it commits only when this returns true.</summary>
    private (bool Commit, CommitResult Result) Apply(
        SqliteConnection connection, SqliteTransaction transaction, StoreChange change, List<(string EntryId, string Json)> intents)
    {
        var versions = new List<DocumentVersion>(change.Writes.Count);
        foreach (var write in change.Writes)
        {
            if (Write(connection, transaction, write, out var version) is { } conflict)
            {
                return (false, conflict);
            }

            versions.Add(new DocumentVersion(write.Kind, write.Id, version));
            Step("document");
        }

        foreach (var (entryId, json) in intents)
        {
            using var insert = Sql.Command(connection, transaction, "INSERT INTO audit_intent (entry_id, json) VALUES (@entryId, @json);")
                .With("@entryId", entryId).With("@json", json);
            insert.ExecuteNonQuery();
            Step("audit");
        }

        foreach (var message in change.Outbox)
        {
            InsertOutbox(connection, transaction, message);
            Step("outbox");
        }

        using (var remember = Sql.Command(connection, transaction, "INSERT INTO idempotency (key, result_json, applied_at) VALUES (@key, @result, @at);")
            .With("@key", change.IdempotencyKey).With("@result", change.ResultJson).With("@at", Sql.Ticks(_time.GetUtcNow())))
        {
            remember.ExecuteNonQuery();
        }

        Step("idempotency");
        return (true, new CommitResult.Committed(versions));
    }

    /// <summary>Serialised before any transaction: an intent Core would not seal is a bug, refused before any lock.</summary>
    private static List<(string EntryId, string Json)> Serialize(StoreChange change) =>
        [.. change.AuditIntents.Select(i => (i.EntryId, AuditIntentJson.Serialize(i)))];

    private static CommitResult.Replayed? FirstResult(SqliteConnection connection, SqliteTransaction transaction, string key)
    {
        using var command = Sql.Command(connection, transaction, "SELECT result_json FROM idempotency WHERE key = @key;").With("@key", key);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new CommitResult.Replayed(Sql.NullableString(reader, 0)) : null;
    }

    /// <summary>Applies one write and gives its new version; or returns the conflict that stops the whole change.</summary>
    private static CommitResult.Conflict? Write(SqliteConnection connection, SqliteTransaction transaction, DocumentWrite write, out long version)
    {
        version = 0;
        long? actual;
        using (var read = Sql.Command(connection, transaction, "SELECT version FROM document WHERE kind = @kind AND id = @id;")
            .With("@kind", write.Kind).With("@id", write.Id))
        {
            actual = read.ExecuteScalar() is long v ? v : null;
        }

        var allowed = write.ExpectedVersion is null
            ? actual is null
            : actual == write.ExpectedVersion && !DocumentKinds.IsImmutable(write.Kind);
        if (!allowed)
        {
            return new CommitResult.Conflict(write.Kind, write.Id, write.ExpectedVersion, actual);
        }

        version = (actual ?? 0) + 1;
        using (var upsert = Sql.Command(
            connection,
            transaction,
            actual is null
                ? "INSERT INTO document (kind, id, version, json) VALUES (@kind, @id, @version, @json);"
                : "UPDATE document SET version = @version, json = @json WHERE kind = @kind AND id = @id;")
            .With("@kind", write.Kind).With("@id", write.Id).With("@version", version).With("@json", write.Json))
        {
            upsert.ExecuteNonQuery();
        }

        if (actual is not null)
        {
            using var clear = Sql.Command(connection, transaction, "DELETE FROM document_index WHERE kind = @kind AND id = @id;")
                .With("@kind", write.Kind).With("@id", write.Id);
            clear.ExecuteNonQuery();
        }

        foreach (var (name, value) in write.Index)
        {
            using var index = Sql.Command(connection, transaction, "INSERT INTO document_index (kind, id, name, value) VALUES (@kind, @id, @name, @value);")
                .With("@kind", write.Kind).With("@id", write.Id).With("@name", name).With("@value", value);
            index.ExecuteNonQuery();
        }

        return null;
    }

    private static void InsertOutbox(SqliteConnection connection, SqliteTransaction transaction, OutboxMessage message)
    {
        using var insert = Sql.Command(
            connection,
            transaction,
            """
            INSERT INTO outbox (id, kind, ordering_key, payload_json, created_at, status, next_attempt_at)
            VALUES (@id, @kind, @key, @payload, @createdAt, 'pending', @createdAt);
            """)
            .With("@id", message.Id).With("@kind", message.Kind).With("@key", message.OrderingKey)
            .With("@payload", message.PayloadJson).With("@createdAt", Sql.Ticks(message.CreatedAt));
        insert.ExecuteNonQuery();
    }
}
