using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.Sqlite;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>
/// One SQLite file in its own temp folder, opened by one store object per simulated app instance, and the fake
/// clock those instances share. Removed with the test.
/// </summary>
internal sealed class SharedDatabase : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "teamsrisk-jobs-tests", Guid.NewGuid().ToString("N"));

    public string FilePath => Path.Combine(_folder, "data", "teamsrisk.db");

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>A store object of its own, as a second app instance on the same file would have, on the shared clock.</summary>
    public SqliteRiskStore Open() => SqliteRiskStore.Open(new SqliteStoreOptions { Path = FilePath }, Time);

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before removing it.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
