using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Tab.Exports;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Testing.Register;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Queries.Exports;
using Norddjurs.TeamsRisk.Workflows.Queries.Register;

namespace Norddjurs.TeamsRisk.Benchmarks;

/// <summary>
/// The register (issue 9 item 7) on a SQLite file seeded with 500 systems × 10 risk lines = 5,000 lines: the register
/// query as <c>GET /api/register</c> runs it (first page; a filtered, sorted later page), the heatmap, and the whole
/// xlsx export (read + workbook written to a temp file). Targets: register ≤ 300 ms p95, export ≤ 2 s.
/// </summary>
[MemoryDiagnoser]
public class RegisterBenchmarks
{
    public const int Systems = 500;
    public const int LinesPerSystem = 10;
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";
    private const string Committee = "5eed0000-0000-4000-8000-000000000022";

    private string _folder = string.Empty;
    private SqliteRiskStore _store = null!;
    private RegisterQuery _register = null!;
    private HeatmapQuery _heatmap = null!;
    private ExportQueries _exports = null!;
    private Actor _reader = null!;

    [GlobalSetup]
    public void Seed()
    {
        _folder = Path.Combine(Path.GetTempPath(), "teamsrisk-bench", Guid.NewGuid().ToString("N"));
        _store = SqliteRiskStore.Open(new SqliteStoreOptions { Path = Path.Combine(_folder, "teamsrisk.db") });
        var directory = new InMemoryDirectory(Tenant);
        directory.Add(Committee, "karen.holm@norddjurs.example", "Karen Holm", null, "g-committee");
        var roles = new RoleResolver(directory, new RoleGroups("g-committee", "g-coordinator", "g-auditor", "g-directorate"));
        var services = new UseCaseServices(_store, directory, roles, new KnownMethodVersions(Examples.Method, Examples.Catalogue), TimeProvider.System);
        RegisterSeed.SeedAsync(_store, Examples.Method, Examples.Catalogue, Systems, LinesPerSystem, services.Now,
            "5eed0000-0000-4000-8000-000000000020", "alexw@norddjurs.example").GetAwaiter().GetResult();
        var visibility = new Visibility(roles);
        _register = new RegisterQuery(services, visibility);
        _heatmap = new HeatmapQuery(services, _register);
        _exports = new ExportQueries(services, _register, visibility);
        _reader = Actor.Of(Tenant, Committee);
        Console.WriteLine($"// seeded {Systems} systems × {LinesPerSystem} lines = {Systems * LinesPerSystem} risk lines; file {new FileInfo(_store.Path).Length / 1024} KB");
    }

    [GlobalCleanup]
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "register: first page (25), 5,000 lines")]
    public async Task<int> FirstPage() =>
        ((Outcome<RegisterPage>.Done)await _register.ReadAsync(_reader, new RegisterFilter(), CancellationToken.None)).Value.Rows.Count;

    [Benchmark(Description = "register: band=high, search, sorted by next due, page 3")]
    public async Task<int> FilteredPage() =>
        ((Outcome<RegisterPage>.Done)await _register.ReadAsync(_reader,
            new RegisterFilter(Band: "high", Search: "system", Sort: RegisterSort.NextDue, Descending: true, Page: 3), CancellationToken.None)).Value.Rows.Count;

    [Benchmark(Description = "heatmap: current + residual, 5,000 lines")]
    public async Task<int> Heatmap() =>
        ((Outcome<HeatmapPair>.Done)await _heatmap.ReadAsync(_reader, new RegisterFilter(), CancellationToken.None)).Value.Current.Total;

    [Benchmark(Description = "xlsx export: read + write 5,000 lines")]
    public async Task<long> Export()
    {
        var export = ((Outcome<RegisterExport>.Done)await _exports.RegisterAsync(_reader, CancellationToken.None)).Value;
        using var file = new FileStream(Path.Combine(_folder, "export.xlsx"), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024);
        RegisterWorkbook.Write(export, file);
        return file.Length;
    }
}
