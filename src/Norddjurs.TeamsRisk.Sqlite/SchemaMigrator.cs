using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Norddjurs.TeamsRisk.Sqlite;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts newer than <c>schema_version</c>, all in one
/// IMMEDIATE transaction, so two instances opening one file at once migrate it once and a failure leaves the
/// previous schema intact.
/// </summary>
internal static class SchemaMigrator
{
    private const string ResourcePrefix = "Norddjurs.TeamsRisk.Sqlite.Migrations.";

    public static IReadOnlyList<(int Version, string Name)> Known { get; } =
        [.. typeof(SchemaMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (int.Parse(n.AsSpan(ResourcePrefix.Length, 4), CultureInfo.InvariantCulture), n))
            .OrderBy(m => m.Item1)];

    public static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));");
        var current = CurrentVersion(connection, transaction);
        var latest = Known.Count == 0 ? 0 : Known[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException($"The database has schema version {current}; this build knows up to {latest}. Run a newer build.");
        }

        foreach (var (version, name) in Known.Where(m => m.Version > current))
        {
            Execute(connection, transaction, Read(name));
            using var record = Sql.Command(connection, transaction, "INSERT INTO schema_version (version) VALUES (@version);");
            record.Parameters.AddWithValue("@version", version);
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = Sql.Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version;");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = Sql.Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static string Read(string resource)
    {
        using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing migration {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
