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
