using System.Globalization;
using Microsoft.Data.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Sqlite;

/// <summary>
/// The store contract on one SQLite file in WAL mode (design.md §1): one IMMEDIATE transaction per change, so
/// writers queue on the file's lock and readers never wait. Several instances (or processes) may open one file.
/// Microsoft.Data.Sqlite runs its async methods synchronously, so this store does its work synchronously and
/// returns completed tasks rather than pretending otherwise.
/// </summary>
public sealed partial class SqliteRiskStore : IRiskStore
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly TimeProvider _time;

    private SqliteRiskStore(string connectionString, TimeSpan busyTimeout, TimeProvider time)
    {
        _connectionString = connectionString;
        _busyTimeoutMs = (int)busyTimeout.TotalMilliseconds;
        _time = time;
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; private init; } = string.Empty;

    /// <summary>
    /// Test seam: called with a step name (<c>requeue</c>, <c>document</c>, <c>audit</c>, <c>outbox</c>, <c>idempotency</c>)
    /// after each statement of a change, inside its transaction; throwing there makes the change fail halfway.
    /// </summary>
    internal Action<string>? FaultInjection { get; set; }

    /// <summary>
    /// Creates the folder and the file when missing, switches to WAL and applies pending migrations. The clock
    /// (default: the system's) stamps when a change was applied, which is what pruning applied changes goes by.
    /// </summary>
    public static SqliteRiskStore Open(SqliteStoreOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = System.IO.Path.GetFullPath(options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        var store = new SqliteRiskStore(connectionString, options.BusyTimeout, time ?? TimeProvider.System) { Path = path };
        using var connection = store.OpenConnection();
        using (var wal = Sql.Command(connection, null, "PRAGMA journal_mode = WAL;"))
        {
            wal.ExecuteNonQuery();
        }

        SchemaMigrator.Migrate(connection);
        return store;
    }

    /// <summary>The schema version recorded in the file (for health checks and tests).</summary>
    public int SchemaVersion()
    {
        using var connection = OpenConnection();
        return SchemaMigrator.CurrentVersion(connection);
    }

    /// <summary>
    /// A pooled connection with the per-connection settings: wait for the writer lock rather than fail at once,
    /// and sync the WAL on every commit (synchronous=FULL), because "saved" must survive a power cut (§2.1).
    /// </summary>
    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = Sql.Command(
            connection,
            null,
            string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = FULL;"));
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one BEGIN IMMEDIATE transaction; it commits by returning true.</summary>
    private T InWriteTransaction<T>(Func<SqliteConnection, SqliteTransaction, (bool Commit, T Result)> work)
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        var (commit, result) = work(connection, transaction);
        if (commit)
        {
            transaction.Commit();
        }
        else
        {
            transaction.Rollback();
        }

        return result;
    }

    private void Step(string name) => FaultInjection?.Invoke(name);
}
