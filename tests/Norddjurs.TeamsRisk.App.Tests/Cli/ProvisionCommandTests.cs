extern alias emulator;

using emulator::Norddjurs.TeamsRisk.GraphEmulator;
using Norddjurs.TeamsRisk.App.Cli;
using Norddjurs.TeamsRisk.Graph.Lists;
using Emulator = emulator::Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.App.Tests.Cli;

/// <summary>
/// <c>provision</c> end to end: the command line, configuration, the real Graph SDK and the emulator on loopback
/// (graph-sharepoint.md §7.8, §10.7 test 2). A loopback <c>Graph:BaseUrl</c> needs no credential (see GraphOptions).
/// </summary>
public sealed class ProvisionCommandTests : IAsyncLifetime
{
    private const string SiteUrl = "https://norddjurs.sharepoint.com/sites/Informationssikkerhed";

    private readonly Emulator _emulator = new();
    private GraphEmulatorServer? _server;

    private string BaseUrlOverride => $"Graph:BaseUrl={_server!.BaseUrl}";

    public async Task InitializeAsync()
    {
        _emulator.SeedSite("norddjurs.sharepoint.com", "/sites/Informationssikkerhed");
        _server = await GraphEmulatorServer.StartAsync(_emulator);
    }

    public async Task DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task The_first_run_creates_the_lists_and_the_second_says_nothing_changed()
    {
        var first = await RunAsync("provision", "--site", SiteUrl, BaseUrlOverride);
        var writesAfterFirst = _emulator.RequestLog.Count(r => r.Method != "GET");
        var second = await RunAsync("provision", "--site", SiteUrl, BaseUrlOverride);

        Assert.Equal((0, ""), (first.ExitCode, first.Error));
        Assert.Contains($"Liste '{ListSchema.ConfigListKey}' oprettet", first.Output, StringComparison.Ordinal);
        Assert.Contains("+ kolonnen ConfigKey oprettet", first.Output, StringComparison.Ordinal);
        Assert.Contains("Konfiguration: schemaVersion = ", first.Output, StringComparison.Ordinal);
        Assert.EndsWith($"Færdig: webstedet svarer nu til skemaversion {ListSchema.Version}.{Environment.NewLine}", first.Output, StringComparison.Ordinal);

        Assert.Equal((0, ""), (second.ExitCode, second.Error));
        Assert.DoesNotContain("oprettet", second.Output, StringComparison.Ordinal);
        Assert.EndsWith($"Intet ændret: webstedet svarede allerede til skemaversion {ListSchema.Version}.{Environment.NewLine}", second.Output, StringComparison.Ordinal);
        Assert.Equal(writesAfterFirst, _emulator.RequestLog.Count(r => r.Method != "GET"));
        Assert.All(_emulator.RequestLog, r => Assert.StartsWith("NONISV|Norddjurs|TeamsRisk/", r.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_report_speaks_English_when_asked()
    {
        var run = await RunAsync("provision", "--site", SiteUrl, "--language", "en", BaseUrlOverride);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Site: " + SiteUrl, run.Output, StringComparison.Ordinal);
        Assert.Contains("Done: the site now matches schema version", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_site_fails_with_exit_code_1_and_says_Graph_cannot_create_sites()
    {
        var run = await RunAsync("provision", "--site", "https://norddjurs.sharepoint.com/sites/Findesikke", BaseUrlOverride);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Graph kan ikke oprette websteder", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_emulator.RequestLog, r => r.Method != "GET");
    }

    [Fact]
    public async Task Real_Graph_without_a_credential_is_refused_naming_the_keys()
    {
        var run = await RunAsync("provision", "--site", SiteUrl, "Graph:BaseUrl=https://graph.microsoft.com/v1.0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Graph:ClientSecret, Graph:CertificatePath or Graph:UseManagedIdentity", run.Error, StringComparison.Ordinal);
        Assert.Empty(_emulator.RequestLog);
    }

    [Theory]
    [InlineData("provision")]
    [InlineData("provision", "--site")]
    [InlineData("provision", "--site", "https://a.sharepoint.com/sites/x", "--bogus")]
    public async Task Missing_or_unknown_arguments_exit_with_2(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public async Task A_site_address_that_is_not_https_exits_with_2()
    {
        var run = await RunAsync("provision", "--site", "norddjurs.sharepoint.com/sites/X", BaseUrlOverride);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("https-adresse", run.Error, StringComparison.Ordinal);
    }

    /// <summary>Through the same router as <c>Program.cs</c>, off the test's thread so the synchronous wait cannot deadlock.</summary>
    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => Task.Run(() =>
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CommandLine.Run(args, output, error) ?? -1;
        return (exitCode, output.ToString(), error.ToString());
    });
}
