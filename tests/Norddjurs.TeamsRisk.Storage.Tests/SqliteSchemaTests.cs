using Microsoft.Data.Sqlite;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>What only the SQLite store promises: the file, its folder, WAL and the migrations.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public void Opening_creates_the_folder_and_the_file_at_the_latest_schema_version()
    {
        var store = _database.Open();

        Assert.True(File.Exists(_database.FilePath));
        Assert.Equal(_database.FilePath, store.Path);
        Assert.Equal(SchemaMigrator.Known[^1].Version, store.SchemaVersion());
    }

    [Fact]
    public async Task Reopening_migrates_nothing_twice_and_keeps_the_data()
    {
        var first = _database.Open();
        await first.CommitAsync(Given.Change("k-1", [Given.NewAssessment("a-1")]), CancellationToken.None);

        var again = _database.Open();

        Assert.Equal(SchemaMigrator.Known.Count, Scalar("SELECT COUNT(*) FROM schema_version;"));
        Assert.Equal(1, (await again.GetAsync(DocumentKinds.Assessment, "a-1", CancellationToken.None))!.Version);
    }

    [Fact]
    public void The_file_is_in_write_ahead_log_mode()
    {
        _database.Open();

        Assert.Equal("wal", ScalarText("PRAGMA journal_mode;"));
    }

    [Fact]
    public void A_file_from_a_newer_build_is_refused_rather_than_misread()
    {
        _database.Open();
        Execute("INSERT INTO schema_version (version) VALUES (9999);");

        var refused = Assert.Throws<InvalidOperationException>(() => _database.Open());
        Assert.Contains("9999", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_1_file_keeps_its_applied_changes_with_their_commit_time_so_pruning_goes_by_it()
    {
        // A file as the 0001 build left it: its schema, and an applied change committed on 1 November 2026.
        Directory.CreateDirectory(Path.GetDirectoryName(_database.FilePath)!);
        using (var stream = typeof(SqliteRiskStore).Assembly.GetManifestResourceStream(SchemaMigrator.Known[0].Name)!)
        using (var reader = new StreamReader(stream))
        {
            Execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));"
                + await reader.ReadToEndAsync() + "INSERT INTO schema_version (version) VALUES (1);"
                + "INSERT INTO idempotency (key, result_json, committed_at) VALUES ('k-old', '{\"n\":1}', '2026-11-01T08:00:00.000Z');");
        }

        var store = _database.Open();
        var kept = await store.PruneAppliedChangesAsync(new DateTimeOffset(2026, 11, 1, 7, 59, 0, TimeSpan.Zero), 10, CancellationToken.None);
        var found = await store.FindAppliedChangeAsync("k-old", CancellationToken.None);
        var pruned = await store.PruneAppliedChangesAsync(new DateTimeOffset(2026, 11, 1, 8, 1, 0, TimeSpan.Zero), 10, CancellationToken.None);

        Assert.Equal(SchemaMigrator.Known[^1].Version, store.SchemaVersion());
        Assert.Equal((0, "{\"n\":1}", 1), (kept, found?.ResultJson, pruned));
    }

    [Fact]
    public void Settings_default_to_the_documented_path()
    {
        Assert.Equal("data/teamsrisk.db", new SqliteStoreOptions().Path);
        Assert.Equal("Storage:Sqlite", SqliteStoreOptions.SectionName);
    }

    public void Dispose() => _database.Dispose();

    private long Scalar(string sql) => (long)Run(sql, c => c.ExecuteScalar())!;

    private string ScalarText(string sql) => (string)Run(sql, c => c.ExecuteScalar())!;

    private void Execute(string sql) => Run(sql, c => c.ExecuteNonQuery());

    private object? Run(string sql, Func<SqliteCommand, object?> run)
    {
        using var connection = new SqliteConnection($"Data Source={_database.FilePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return run(command);
    }
}
