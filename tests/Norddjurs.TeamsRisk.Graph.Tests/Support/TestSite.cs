using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Provisioning;
using Norddjurs.TeamsRisk.Graph.Store;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;
using EmulatorHandler = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulatorHandler;

namespace Norddjurs.TeamsRisk.Graph.Tests.Support;

/// <summary>
/// A provisioned site on an in-process emulator for store tests, provisioned by the real <see cref="SiteProvisioner"/>
/// (graph-sharepoint.md §2.6), so the contract suite runs on the lists, columns and indexes production gets.
/// </summary>
public sealed class TestSite
{
    public const string Host = "norddjurs.sharepoint.com";
    public const string Path = "/sites/risiko";
    public const string BaseUrl = "http://127.0.0.1/v1.0";

    private TestSite(Emulator emulator, string siteId, IReadOnlyDictionary<string, string> listIds)
    {
        Emulator = emulator;
        SiteId = siteId;
        ListIds = listIds;
    }

    public Emulator Emulator { get; }

    public string SiteId { get; }

    /// <summary>List key → list id.</summary>
    public IReadOnlyDictionary<string, string> ListIds { get; }

    public static GraphStoreOptions Options => new() { SiteUrl = $"https://{Host}{Path}" };

    /// <summary>A Graph client with the SDK's default middleware whose final handler is the emulator (§7.8).</summary>
    public static GraphServiceClient Client(Emulator emulator) =>
        new(GraphClientFactory.Create(finalHandler: new EmulatorHandler(emulator)), new AnonymousAuthenticationProvider(), BaseUrl);

    /// <summary>Seeds the site and provisions it with the real <see cref="SiteProvisioner"/>, recording <paramref name="schemaVersion"/>.</summary>
    public static async Task<TestSite> ProvisionAsync(Emulator emulator, int schemaVersion = ListSchema.Version)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        emulator.SeedSite(Host, Path, "Risiko");
        var report = await new SiteProvisioner(Client(emulator)).RunAsync(Options.SiteUrl, ListSchema.Lists, schemaVersion, CancellationToken.None);
        return new TestSite(emulator, report.SiteId, report.Lists.ToDictionary(l => l.Key, l => l.Id, StringComparer.Ordinal));
    }

    public Task<GraphRiskStore> OpenStoreAsync(TimeProvider? time = null) =>
        GraphRiskStore.OpenAsync(Client(Emulator), Options, time, CancellationToken.None);

    public Guid ListId(string key) => Guid.Parse(ListIds[key]);
}
