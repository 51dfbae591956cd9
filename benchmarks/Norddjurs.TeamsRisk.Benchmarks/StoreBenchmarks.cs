using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Benchmarks;

/// <summary>
/// Store time per change on a real file (WAL, synchronous=FULL). One invocation per iteration (see Program), so
/// the percentiles are those of single changes, not of averages.
/// </summary>
public class StoreBenchmarks
{
    private string _folder = string.Empty;
    private SqliteRiskStore _store = null!;
    private long _n;
    private long _cardVersion;

    [GlobalSetup]
    public void Open()
    {
        _folder = Path.Combine(Path.GetTempPath(), "teamsrisk-bench", Guid.NewGuid().ToString("N"));
        _store = SqliteRiskStore.Open(new SqliteStoreOptions { Path = Path.Combine(_folder, "teamsrisk.db") });
        var created = (CommitResult.Committed)_store.CommitAsync(
            new StoreChange("setup", [DocumentWrite.Create(DocumentKinds.Assessment, "a-bench", Changes.AssessmentJson("a-bench"), Changes.AssessmentIndex())], [], [], null),
            CancellationToken.None).GetAwaiter().GetResult();
        _cardVersion = created.Versions[0].Version;
        Console.WriteLine($"// assessment document: {System.Text.Encoding.UTF8.GetByteCount(Changes.AssessmentJson("a-bench"))} bytes; file: {_store.Path}");
    }

    [GlobalCleanup]
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "card change: 4 KB assessment + 1 intent + 1 outbox row")]
    public async Task<CommitResult> CardChange()
    {
        var result = await _store.CommitAsync(Changes.Card(++_n, _cardVersion), CancellationToken.None);
        _cardVersion = ((CommitResult.Committed)result).Versions[0].Version;
        return result;
    }

    [Benchmark(Description = "submission: 32 documents + 31 intents + 2 outbox rows")]
    public Task<CommitResult> Submission() => _store.CommitAsync(Changes.Submission(++_n), CancellationToken.None);

    [Benchmark(Description = "replayed card change (idempotency hit)")]
    public Task<CommitResult> Replay() => _store.CommitAsync(Changes.Card(0, 1), CancellationToken.None);

    [Benchmark(Description = "read the assessment")]
    public Task<StoredDocument?> Read() => _store.GetAsync(DocumentKinds.Assessment, "a-bench", CancellationToken.None);
}
