extern alias emulator;

using System.Globalization;
using emulator::Norddjurs.TeamsRisk.GraphEmulator;
using emulator::Norddjurs.TeamsRisk.GraphEmulator.Admin;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Provisioning;
using Norddjurs.TeamsRisk.App.Tests.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Xunit.Abstractions;
using Emulator = emulator::Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>
/// What an idle app costs SharePoint (issue 7 item 8; graph-sharepoint.md §7: background work leaves the budget to the users):
/// the real app in SharePoint mode on the Graph emulator, its clock stepped through two idle minutes a second at a time,
/// the emulator's log counted as round trips.
/// </summary>
public sealed class IdleGraphTrafficTests(ITestOutputHelper output)
{
    private const string Host = "norddjurs.sharepoint.com";
    private const string SitePath = "/sites/risiko";

    [Fact]
    public async Task An_idle_app_makes_at_most_30_Graph_round_trips_a_minute()
    {
        var graph = new Emulator();
        graph.SeedSite(Host, SitePath, "Risiko");
        await using var server = await GraphEmulatorServer.StartAsync(graph);
        var provisioned = await new SiteProvisioner(GraphClientBuilder.Build(new GraphOptions { BaseUrl = server.BaseUrl }))
            .RunAsync("https://" + Host + SitePath, ListSchema.Lists, ListSchema.Version, CancellationToken.None);
        var listKeys = provisioned.Lists.ToDictionary(l => l.Id, l => l.Key, StringComparer.OrdinalIgnoreCase);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Development")
            .UseSetting("Storage:Provider", "SharePoint")
            .UseSetting("Storage:SharePoint:SiteUrl", "https://" + Host + SitePath)
            .UseSetting("Graph:BaseUrl", server.BaseUrl)
            .UseSetting("Graph:TenantId", Seeded.Tenant)
            .UseSetting("Directory:Provider", "Seeded")
            .UseSetting("Development:SeedDemoRound", "false")
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        List<RequestLogEntry> startUp, idle;
        await using (app)
        {
            _ = app.Server;

            // The first minute settles start-up (the demo import's intents sealed, every job's first round), the second is idle.
            startUp = await IdleMinuteAsync(graph, clock);
            idle = await IdleMinuteAsync(graph, clock);
        }

        output.WriteLine($"first minute after start-up: {startUp.Count} round trips; {Tally(startUp, listKeys)}");
        output.WriteLine($"idle minute: {idle.Count} round trips; {Tally(idle, listKeys)}");
        Assert.InRange(idle.Count, 1, 30);

        // The leases the jobs kept across rounds were given back at shutdown: a standby instance need not wait them out.
        var leases = graph.Items(Guid.Parse(provisioned.Lists.Single(l => l.Key == ListSchema.LeasesKey).Id)).Select(i => i["fields"]!).ToList();
        Assert.Contains(leases, l => (string?)l["OperationId"] == StoreLeases.Recovery);
        Assert.All(leases, l => Assert.True(DateTimeOffset.Parse((string)l["ExpiresAt"]!, CultureInfo.InvariantCulture) < clock.GetUtcNow(), $"{l["OperationId"]} still held"));
    }

    /// <summary>Steps the clock a second at a time, letting the jobs' rounds finish in between; the minute's round trips.</summary>
    private static async Task<List<RequestLogEntry>> IdleMinuteAsync(Emulator graph, FakeTimeProvider clock)
    {
        var from = graph.RequestLog.Count;
        for (var second = 0; second < 60; second++)
        {
            await QuietAsync(graph);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await QuietAsync(graph);
        return [.. graph.RequestLog.Skip(from).Where(e => !e.IsBatchStep)];
    }

    /// <summary>Until no request arrived for 100 ms of real time: the rounds the last step woke are done.</summary>
    private static async Task QuietAsync(Emulator graph)
    {
        for (var seen = -1; seen != graph.RequestLog.Count;)
        {
            seen = graph.RequestLog.Count;
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static string Tally(IEnumerable<RequestLogEntry> requests, IReadOnlyDictionary<string, string> listKeys) =>
        string.Join(", ", requests.GroupBy(r => Name(r, listKeys)).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}"));

    /// <summary>"GET auditIntents", "PATCH leases", "$batch": the method and the list.</summary>
    private static string Name(RequestLogEntry request, IReadOnlyDictionary<string, string> listKeys)
    {
        var path = request.Target.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var list = Array.IndexOf(path, "lists");
        return path[^1] == "$batch" ? "$batch"
            : list >= 0 && list + 1 < path.Length ? $"{request.Method} {listKeys.GetValueOrDefault(path[list + 1], "list?")}"
            : $"{request.Method} {path[^1]}";
    }
}
