namespace Norddjurs.TeamsRisk.Sqlite;

/// <summary>Settings under <c>Storage:Sqlite</c> (design.md §10).</summary>
public sealed class SqliteStoreOptions
{
    public const string SectionName = "Storage:Sqlite";

    /// <summary>The database file; a relative path is resolved by the host (content root). Its folder is created.</summary>
    public string Path { get; set; } = "data/teamsrisk.db";

    /// <summary>How long a writer waits for another writer's transaction before failing as a fault.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
