using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Provisioning;
using Norddjurs.TeamsRisk.GraphEmulator;
using Norddjurs.TeamsRisk.GraphEmulator.Admin;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;

namespace Norddjurs.TeamsRisk.LoadTest.Hosting;

/// <summary>
/// SharePoint mode's Graph: the Graph emulator on loopback in this process, one site seeded and provisioned with the
/// Graph project's own <see cref="SiteProvisioner"/> (as <c>provision --site</c> does), and a latency switch.
/// </summary>
internal sealed class GraphSite : IAsyncDisposable
{
    public const string SiteUrl = "https://norddjurs.sharepoint.com/sites/Informationssikkerhed";

    private readonly GraphEmulatorServer _server;
    private FaultRule? _latency;

    private GraphSite(GraphEmulatorServer server, IReadOnlyDictionary<string, string> listKeys)
    {
        _server = server;
        ListKeys = listKeys;
    }

    /// <summary><c>http://127.0.0.1:{port}/v1.0</c>: the app's <c>Graph:BaseUrl</c>.</summary>
    public string BaseUrl => _server.BaseUrl;

    /// <summary>List id → the schema's list key (<c>Outbox</c>, the assessment list …), to say where requests go.</summary>
    public IReadOnlyDictionary<string, string> ListKeys { get; }

    public IReadOnlyList<RequestLogEntry> RequestLog => _server.Emulator.RequestLog;

    public static async Task<GraphSite> StartAsync(TextWriter console)
    {
        var emulator = new GraphEmulator.GraphEmulator();
        var site = new Uri(SiteUrl);
        emulator.SeedSite(site.Host, site.AbsolutePath);
        var server = await GraphEmulatorServer.StartAsync(emulator);
        try
        {
            var graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = server.BaseUrl });
            var report = await new SiteProvisioner(graph).RunAsync(SiteUrl, ListSchema.Lists, ListSchema.Version, CancellationToken.None);
            console.WriteLine($"Graph emulator at {server.BaseUrl}: {SiteUrl} provisioned ({report.Lists.Count} lists, {emulator.RequestLog.Count} requests).");
            return new GraphSite(server, report.Lists.ToDictionary(l => l.Id, l => l.Key, StringComparer.OrdinalIgnoreCase));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Adds <paramref name="latency"/> to every HTTP request Graph answers, once per request: a <c>$batch</c> is one
    /// round trip. (The emulator's <c>Options.Latency</c> would also delay each step inside a batch, one after another.)
    /// </summary>
    public void SetLatency(TimeSpan latency)
    {
        if (_latency is not null)
        {
            _server.Emulator.ClearFaults();
            _latency = null;
        }

        if (latency > TimeSpan.Zero)
        {
            _latency = _server.Emulator.AddFault(new FaultRule { Status = 0, Delay = latency, Scope = FaultScope.Outer });
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
