using Microsoft.Data.Sqlite;
using Norddjurs.TeamsRisk.Sqlite;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>A database file in its own temp folder, removed with the test.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "teamsrisk-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "data", "teamsrisk.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public SqliteRiskStore Open(TimeProvider? time = null) => SqliteRiskStore.Open(new SqliteStoreOptions { Path = FilePath }, time);

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before removing it.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
