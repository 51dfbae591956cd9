extern alias emulator;

using System.Net;
using emulator::Norddjurs.TeamsRisk.GraphEmulator;
using Norddjurs.TeamsRisk.App.Tests.Api;
using Norddjurs.TeamsRisk.App.Tests.Identity;
using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Provisioning;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Emulator = emulator::Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.App.Tests.Storage;

/// <summary><c>Storage:Provider=SharePoint</c> in the real app, against the Graph emulator on loopback (design.md §1, §10).</summary>
public sealed class SharePointStorageTests
{
    private const string Host = "norddjurs.sharepoint.com";
    private const string SitePath = "/sites/risiko";
    private const string SiteUrl = "https://" + Host + SitePath;

    [Fact]
    public async Task On_a_provisioned_site_the_whole_assessment_flow_runs_through_SharePoint_and_reads_back()
    {
        var emulator = new Emulator();
        emulator.SeedSite(Host, SitePath, "Risiko");
        await using var server = await GraphEmulatorServer.StartAsync(emulator);
        var provisioned = await new SiteProvisioner(GraphClientBuilder.Build(new GraphOptions { BaseUrl = server.BaseUrl }))
            .RunAsync(SiteUrl, ListSchema.Lists, ListSchema.Version, CancellationToken.None);
        var api = new ApiFactory(extraSettings: SharePointSettings(server.BaseUrl));
        await api.InitializeAsync();
        try
        {
            Assert.Equal("sharepoint", (await ApiWalk.ExpectAsync(HttpStatusCode.OK, await api.App.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative))))["store"]!["provider"]!.GetValue<string>());

            await ApiWalk.ImportAsync(api);
            var id = (await ApiWalk.StartRoundAsync(api, ApiWalk.HomeCare))[ApiWalk.HomeCare];
            await ApiWalk.SubmittedAsync(api, id);

            using var read = await api.GetAsync(Callers.Owner, ApiWalk.PathOf(id));
            Assert.Equal("Submitted", (string?)(await ApiWalk.ExpectAsync(HttpStatusCode.OK, read))["state"]);
            Assert.Contains(emulator.RequestLog, r => r.Target.Contains("/items", StringComparison.Ordinal));

            // Straight from the lists, through a second store of its own: the submission was written to SharePoint.
            var fresh = await Graph.Store.GraphRiskStore.OpenAsync(
                GraphClientBuilder.Build(new GraphOptions { BaseUrl = server.BaseUrl }), new Graph.Store.GraphStoreOptions { SiteUrl = SiteUrl }, null, CancellationToken.None);
            var stored = await fresh.GetAsync(DocumentKinds.Assessment, id, CancellationToken.None);
            Assert.NotNull(stored);
            Assert.Contains("Submitted", stored.Json, StringComparison.Ordinal);

            // The committee's readable columns are filled, so they can filter the list in SharePoint.
            var assessments = Guid.Parse(provisioned.Lists.Single(l => l.Key == ListSchema.DocumentListKeys[DocumentKinds.Assessment]).Id);
            var fields = emulator.Items(assessments).Select(i => i["fields"]!.AsObject()).Single(f => (string?)f["DocId"] == id);
            Assert.Equal("Alex Wilber", (string?)fields["OwnerName"]);
            Assert.Equal("alexw@norddjurs.example", (string?)fields["OwnerUpn"]);
            Assert.False(string.IsNullOrEmpty((string?)fields["SystemName"]));
            Assert.False(string.IsNullOrEmpty((string?)fields["HeadlineBand"]));

            // The recovery sweep ran at start under its lease (the lease item stays after release).
            var leases = Guid.Parse(provisioned.Lists.Single(l => l.Key == ListSchema.LeasesKey).Id);
            Assert.Contains(emulator.Items(leases), i => (string?)i["fields"]!["OperationId"] == StoreLeases.Recovery);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_unprovisioned_site_stops_start_up_naming_provision()
    {
        var emulator = new Emulator();
        emulator.SeedSite(Host, SitePath, "Risiko");
        await using var server = await GraphEmulatorServer.StartAsync(emulator);
        await using var issuer = await TestTokenIssuer.StartAsync();
        using var app = TeamsRiskApp.Create(issuer, "Development", SharePointSettings(server.BaseUrl).ToDictionary());

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("provision", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(SiteUrl, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_SharePoint_mode_without_a_site_or_a_credential_refuses_to_start_naming_the_keys()
    {
        await using var issuer = await TestTokenIssuer.StartAsync();
        using var app = TeamsRiskApp.Create(issuer, "Production", new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "SharePoint",
            ["Graph:BaseUrl"] = "http://127.0.0.1:9/v1.0",

            // The Production fixture carries a Graph secret for the reach senders; this case is about its absence.
            ["Graph:ClientSecret"] = "",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();

        Assert.Contains("Storage:SharePoint:SiteUrl", error, StringComparison.Ordinal);
        Assert.Contains("Graph:ClientSecret", error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> SharePointSettings(string graphBaseUrl) => new()
    {
        ["Storage:Provider"] = "SharePoint",
        ["Storage:SharePoint:SiteUrl"] = SiteUrl,
        ["Graph:BaseUrl"] = graphBaseUrl,
        ["Graph:TenantId"] = Seeded.Tenant,
    };
}
