using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Provisioning;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.GraphEmulator;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.Bot.Tests.Conversation;

/// <summary>
/// App instances in SharePoint mode: one provisioned site on the in-process Graph emulator, each instance the bot over a
/// store of its own (its own caches, design.md §1), and the emulator's request log to count an action's round trips.
/// </summary>
internal sealed class SharePointInstances : IDisposable
{
    private const string SiteUrl = "https://norddjurs.sharepoint.com/sites/risiko";
    private readonly List<BotWorld> _worlds = [];

    private SharePointInstances(Emulator emulator) => Emulator = emulator;

    public Emulator Emulator { get; }

    public IReadOnlyList<BotWorld> Worlds => _worlds;

    public IReadOnlyList<GraphRiskStore> Stores { get; private set; } = [];

    public static async Task<SharePointInstances> StartAsync(int count)
    {
        var instances = new SharePointInstances(new Emulator());
        instances.Emulator.SeedSite("norddjurs.sharepoint.com", "/sites/risiko", "Risiko");
        await new SiteProvisioner(instances.Client()).RunAsync(SiteUrl, ListSchema.Lists, ListSchema.Version, BotWorld.Ct);
        var stores = new List<GraphRiskStore>();
        for (var i = 0; i < count; i++)
        {
            var store = await GraphRiskStore.OpenAsync(instances.Client(), new GraphStoreOptions { SiteUrl = SiteUrl }, null, BotWorld.Ct);
            stores.Add(store);
            instances._worlds.Add(new BotWorld(aroundStore: _ => store));
        }

        instances.Stores = stores;
        return instances;
    }

    /// <summary>Round trips so far: a <c>$batch</c> is one, however many steps it carries.</summary>
    public long RoundTrips => Emulator.RequestLog.Count(e => !e.IsBatchStep);

    /// <summary>The round trips after <paramref name="mark"/>, as "METHOD list" for a failure message.</summary>
    public IReadOnlyList<string> RequestsSince(long mark) =>
        [.. Emulator.RequestLog.Where(e => !e.IsBatchStep).Skip((int)mark).Select(e => $"{e.Method} {Shorten(e.Target)}")];

    public void Dispose()
    {
        foreach (var world in _worlds)
        {
            world.Dispose();
        }
    }

    private static string Shorten(string target) =>
        target.Split('?')[0] is var path && path.Contains("/lists/", StringComparison.Ordinal) ? path[path.IndexOf("/lists/", StringComparison.Ordinal)..] : path;

    private GraphServiceClient Client() =>
        new(GraphClientFactory.Create(finalHandler: new GraphEmulatorHandler(Emulator)), new AnonymousAuthenticationProvider(), "http://127.0.0.1/v1.0");
}
