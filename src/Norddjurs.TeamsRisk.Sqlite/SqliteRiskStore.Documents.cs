using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Sqlite;

public sealed partial class SqliteRiskStore
{
    // The index travels with the row as one JSON object, so a read is one statement.
    private const string SelectDocument =
        """
        SELECT d.id, d.version, d.json,
               (SELECT json_group_object(i.name, i.value) FROM document_index i WHERE i.kind = d.kind AND i.id = d.id)
        FROM document d
        """;

    public Task<AppliedChange?> FindAppliedChangeAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        using var connection = OpenConnection();
        using var command = Sql.Command(connection, null, "SELECT result_json FROM idempotency WHERE key = @key;").With("@key", idempotencyKey);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? new AppliedChange(Sql.NullableString(reader, 0)) : null);
    }

    public Task<int> PruneAppliedChangesAsync(DateTimeOffset appliedBefore, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();

        // Oldest first and bounded, so one prune is a short write that never holds the lock for long.
        using var command = Sql.Command(
            connection,
            null,
            """
            DELETE FROM idempotency WHERE key IN
                (SELECT key FROM idempotency WHERE applied_at < @before ORDER BY applied_at LIMIT @max);
            """)
            .With("@before", Sql.Ticks(appliedBefore)).With("@max", max);
        return Task.FromResult(command.ExecuteNonQuery());
    }

    public Task<StoredDocument?> GetAsync(string kind, string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        DocumentKinds.EnsureIndexNames(kind, []);
        using var connection = OpenConnection();
        using var command = Sql.Command(connection, null, SelectDocument + " WHERE d.kind = @kind AND d.id = @id;")
            .With("@kind", kind).With("@id", id);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadDocument(kind, reader) : null);
    }

    public Task<DocumentPage> QueryAsync(string kind, DocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        DocumentKinds.EnsureIndexNames(kind, query.Filters.Keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, DocumentQuery.MaxPageSize, nameof(query));

        using var connection = OpenConnection();
        using var command = Sql.Command(connection, null, string.Empty).With("@kind", kind).With("@after", AfterId(query.ContinuationToken));
        var sql = new StringBuilder(SelectDocument).Append(" WHERE d.kind = @kind AND d.id > @after");
        var n = 0;
        foreach (var (name, value) in query.Filters)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM document_index f WHERE f.kind = d.kind AND f.id = d.id AND f.name = @n").Append(n)
               .Append(" AND f.value = @v").Append(n).Append(')');
            command.With("@n" + n, name).With("@v" + n, value);
            n++;
        }

        // One row more than the page tells whether there is a next page.
        command.CommandText = sql.Append(" ORDER BY d.id LIMIT @limit;").ToString();
        command.With("@limit", query.PageSize + 1);
        var items = new List<StoredDocument>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            items.Add(ReadDocument(kind, reader));
        }

        var more = items.Count > query.PageSize;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }

        return Task.FromResult(new DocumentPage(items, more ? Token(items[^1].Id) : null));
    }

    private static StoredDocument ReadDocument(string kind, SqliteDataReader reader)
    {
        var index = reader.IsDBNull(3) ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3));
        return new StoredDocument(kind, reader.GetString(0), reader.GetInt64(1), reader.GetString(2), index ?? []);
    }

    /// <summary>The token is the last id of the page, opaque to callers (the SharePoint store uses Graph's skip token).</summary>
    private static string Token(string lastId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastId));

    private static string AfterId(string? token)
    {
        if (token is null)
        {
            return string.Empty;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException e)
        {
            throw new ArgumentException("Not a continuation token of this store.", nameof(token), e);
        }
    }
}
