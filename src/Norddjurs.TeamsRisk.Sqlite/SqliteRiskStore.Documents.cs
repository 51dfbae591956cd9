using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Sqlite;

public sealed partial class SqliteRiskStore
{
    // The index travels with the row as one JSON object, so a read is one statement.
    private const string SelectColumns =
        """
        SELECT d.id, d.version, d.json,
               (SELECT json_group_object(i.name, i.value) FROM document_index i WHERE i.kind = d.kind AND i.id = d.id)
        """;

    private const string SelectDocument = SelectColumns + " FROM document d";

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
        var sql = new StringBuilder(SelectColumns);
        var filters = query.Filters.ToList();
        if (filters.Count == 0)
        {
            sql.Append(" FROM document d WHERE d.kind = @kind AND d.id > @after");
        }
        else
        {
            // The first filter drives the read through document_index_lookup (kind, name, value, id), already in id
            // order: only the matching documents are visited, rather than every document of the kind.
            sql.Append(" FROM document_index f0 JOIN document d ON d.kind = f0.kind AND d.id = f0.id")
               .Append(" WHERE f0.kind = @kind AND f0.name = @n0 AND f0.value = @v0 AND f0.id > @after");
            command.With("@n0", filters[0].Key).With("@v0", filters[0].Value);
        }

        for (var n = 1; n < filters.Count; n++)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM document_index f WHERE f.kind = d.kind AND f.id = d.id AND f.name = @n").Append(n)
               .Append(" AND f.value = @v").Append(n).Append(')');
            command.With("@n" + n, filters[n].Key).With("@v" + n, filters[n].Value);
        }

        // One row more than the page tells whether there is a next page. Ordered by the driving table's id (the same
        // value), or SQLite walks the document table instead.
        command.CommandText = sql.Append(filters.Count == 0 ? " ORDER BY d.id" : " ORDER BY f0.id").Append(" LIMIT @limit;").ToString();
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
