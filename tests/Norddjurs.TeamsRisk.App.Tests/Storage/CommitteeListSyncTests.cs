extern alias emulator;

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using emulator::Norddjurs.TeamsRisk.GraphEmulator;
using Norddjurs.TeamsRisk.App.Tests.Api;
using Norddjurs.TeamsRisk.App.Tests.Identity;
using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.Graph.Delta;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Provisioning;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Emulator = emulator::Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;
using ListEditor = emulator::Norddjurs.TeamsRisk.GraphEmulator.Items.Actor;

namespace Norddjurs.TeamsRisk.App.Tests.Storage;

/// <summary>The committee edit sync job in the real app on the SharePoint store (issue 7 item 2), against the emulator on loopback.</summary>
public sealed class CommitteeListSyncTests
{
    private const string Host = "norddjurs.sharepoint.com";
    private const string SitePath = "/sites/risiko";
    private const string SiteUrl = "https://" + Host + SitePath;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_committee_member_returning_an_assessment_in_the_list_returns_it_in_the_app()
    {
        var emulator = new Emulator();
        emulator.SeedSite(Host, SitePath, "Risiko");
        await using var server = await GraphEmulatorServer.StartAsync(emulator);
        var provisioned = await new SiteProvisioner(GraphClientBuilder.Build(new GraphOptions { BaseUrl = server.BaseUrl }))
            .RunAsync(SiteUrl, ListSchema.Lists, ListSchema.Version, CancellationToken.None);
        Guid ListOf(string kind) => Guid.Parse(provisioned.Lists.Single(l => l.Key == ListSchema.DocumentListKeys[kind]).Id);
        var api = new ApiFactory(extraSettings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "SharePoint",
            ["Storage:SharePoint:SiteUrl"] = SiteUrl,
            ["Storage:SharePoint:CommitteeSyncInterval"] = "00:00:01",
            ["Graph:BaseUrl"] = server.BaseUrl,
            ["Graph:TenantId"] = Seeded.Tenant,
        });
        await api.InitializeAsync();
        try
        {
            // The job's first round takes the baseline before anyone edits the list.
            await EventuallyAsync(() => Task.FromResult(emulator.Items(ListOf(DocumentKinds.SyncCursor)).Count > 0));
            await ApiWalk.ImportAsync(api);
            var id = (await ApiWalk.StartRoundAsync(api, ApiWalk.HomeCare))[ApiWalk.HomeCare];
            await ApiWalk.SubmittedAsync(api, id);
            var item = emulator.Items(ListOf(DocumentKinds.Assessment)).Single(i => (string?)i["fields"]!["DocId"] == id);

            emulator.EditItemAs(ListOf(DocumentKinds.Assessment), int.Parse(item["id"]!.GetValue<string>(), CultureInfo.InvariantCulture), new JsonObject
            {
                [ColumnNames.CommitteeDecision] = CommitteeDecisions.Returned,
                [ColumnNames.CommitteeComment] = "Uddyb vurderingen af ransomware.",
            }, new ListEditor(Seeded.KarenHolm, "Karen Holm", IsApplication: false, LookupId: 12));

            await EventuallyAsync(async () =>
            {
                using var read = await api.GetAsync(Callers.Owner, ApiWalk.PathOf(id));
                return (string?)(await ApiWalk.ExpectAsync(HttpStatusCode.OK, read))["state"] == "Returned";
            });
            // Sealed or still waiting for the sealer: the return is on the record, made by the committee member who edited.
            // Pending first, then the chain: the running sealer only moves an entry from pending into the chain, so read in
            // this order it is seen in one of the two (the other order misses an entry sealed between the reads).
            var pending = await api.Store.ReadPendingAuditIntentsAsync(10_000, CancellationToken.None);
            var audit = pending.Concat((await api.Store.ReadChainAsync(1, 10_000, CancellationToken.None)).Select(e => e.Intent));
            Assert.Contains(audit, a => a.Action == Core.Audit.AuditAction.AssessmentReturned && a.Actor.ObjectId == Seeded.KarenHolm);
            Assert.Contains(emulator.Items(ListOf(DocumentKinds.SyncCursor)), c => (string?)c["fields"]!["DocId"] == CommitteeEditSync.CursorId);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_sync_interval_under_a_second_refuses_to_start_naming_the_key()
    {
        await using var issuer = await TestTokenIssuer.StartAsync();
        using var app = TeamsRiskApp.Create(issuer, "Development", new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "SharePoint",
            ["Storage:SharePoint:SiteUrl"] = SiteUrl,
            ["Storage:SharePoint:CommitteeSyncInterval"] = "00:00:00",
            ["Graph:BaseUrl"] = "http://127.0.0.1:9/v1.0",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();

        Assert.Contains("Storage:SharePoint:CommitteeSyncInterval", error, StringComparison.Ordinal);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The committee edit sync did not get there in time.");
            await Task.Delay(200);
        }
    }
}
