using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>design.md §2.3 under the hardest failure: the process is killed while it commits.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const string Probe = "Norddjurs.TeamsRisk.Storage.CrashProbe";
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task An_app_killed_at_any_moment_reopens_with_every_change_complete_or_absent()
    {
        _database.Open();
        var acknowledged = await RunProbeAndKillAsync(until: "committed 39");

        var store = _database.Open();
        var documents = await AssertCompleteOrAbsentAsync(store);

        Assert.True(documents >= acknowledged, $"{documents} documents, {acknowledged} acknowledged");

        // Restarted, it goes on: the last change replays, the next one (perhaps the one killed) applies.
        var last = documents - 1;
        Assert.IsType<CommitResult.Replayed>(await store.CommitAsync(Given.Change($"probe/{last}", [Given.NewAssessment($"a-{last}")]), CancellationToken.None));
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(Given.Change($"probe/{last + 1}", [Given.NewAssessment($"a-{last + 1}")]), CancellationToken.None));
    }

    [Fact]
    public async Task An_app_killed_inside_a_change_after_all_its_writes_reopens_without_any_of_them()
    {
        _database.Open();
        var acknowledged = await RunProbeAndKillAsync(until: "in-flight 10", "10");

        var store = _database.Open();
        var documents = await AssertCompleteOrAbsentAsync(store);

        Assert.Equal(10, acknowledged);
        Assert.Equal(10, documents);
        Assert.Null(await store.GetAsync(DocumentKinds.Assessment, "a-10", CancellationToken.None));
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(Given.Change("probe/10", [Given.NewAssessment("a-10")]), CancellationToken.None));
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Asserts the file is sound and changes 0..n-1 are each whole (document, intent, message); returns n.</summary>
    private async Task<int> AssertCompleteOrAbsentAsync(SqliteRiskStore store)
    {
        var documents = Numbers((await AllAssessmentsAsync(store)).Select(d => d.Id));
        var intents = Numbers((await store.ReadPendingAuditIntentsAsync(10_000, CancellationToken.None)).Select(i => i.EntryId));
        var messages = Numbers((await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 10_000, CancellationToken.None)).Select(r => r.Message.Id));

        Assert.Equal("ok", IntegrityCheck());
        Assert.Equal(Enumerable.Range(0, documents.Count), documents);
        Assert.Equal(documents, intents);
        Assert.Equal(documents, messages);
        return documents.Count;
    }

    /// <summary>Starts the probe, kills it once it prints <paramref name="until"/>; returns how many changes it acknowledged.</summary>
    private async Task<int> RunProbeAndKillAsync(string until, params string[] probeArguments)
    {
        using var process = Process.Start(new ProcessStartInfo(DotnetHost(), [ProbePath(), _database.FilePath, .. probeArguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;

        // A guard against a hung probe, not a timing assertion.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var acknowledged = 0;
        var reached = false;
        try
        {
            while (!reached && await process.StandardOutput.ReadLineAsync(guard.Token) is { } line)
            {
                acknowledged += line.StartsWith("committed ", StringComparison.Ordinal) ? 1 : 0;
                reached = line == until;
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        Assert.True(reached, "The probe stopped early: " + await process.StandardError.ReadToEndAsync());
        return acknowledged;
    }

    private static async Task<List<StoredDocument>> AllAssessmentsAsync(IDocumentStore store)
    {
        var all = new List<StoredDocument>();
        string? token = null;
        do
        {
            var page = await store.QueryAsync(DocumentKinds.Assessment, DocumentQuery.All(DocumentQuery.MaxPageSize) with { ContinuationToken = token }, CancellationToken.None);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return all;
    }

    private static List<int> Numbers(IEnumerable<string> ids) =>
        [.. ids.Select(id => int.Parse(id.AsSpan(2), CultureInfo.InvariantCulture)).Order()];

    private string IntegrityCheck()
    {
        using var connection = new SqliteConnection($"Data Source={_database.FilePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }

    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>The probe is built beside this project (same configuration and framework) by the project reference.</summary>
    private static string ProbePath()
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var testsFolder = output.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(testsFolder, Probe, "bin", configuration, framework, Probe + ".dll");
        Assert.True(File.Exists(path), $"Crash probe not built at {path}");
        return path;
    }
}
