extern alias emulator;

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using emulator::Norddjurs.TeamsRisk.GraphEmulator;
using emulator::Norddjurs.TeamsRisk.GraphEmulator.Faults;
using Norddjurs.TeamsRisk.App.Jobs.Audit;
using Norddjurs.TeamsRisk.App.Tests.Api;
using Norddjurs.TeamsRisk.App.Tests.Identity;
using Norddjurs.TeamsRisk.App.Tests.Jobs;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Provisioning;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Emulator = emulator::Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.App.Tests.Storage;

/// <summary>
/// Issue 7 item 5 in the real app on SharePoint (design.md §2.1): when Graph stays down a user's change is refused as
/// "not saved, try again" with nothing half-written anyone can see, and the outbox and the sealer resume when it returns.
/// </summary>
public sealed class SharePointOutageTests
{
    private const string Host = "norddjurs.sharepoint.com";
    private const string SitePath = "/sites/risiko";
    private const string SiteUrl = "https://" + Host + SitePath;

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task A_change_while_graph_refuses_writes_is_answered_not_saved_shows_nothing_and_applies_once_when_retried()
    {
        var emulator = new Emulator();
        await using var server = await GraphEmulatorServer.StartAsync(emulator);
        var lists = await ProvisionAsync(emulator, server);
        var api = new ApiFactory(extraSettings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "SharePoint",
            ["Storage:SharePoint:SiteUrl"] = SiteUrl,
            ["Graph:BaseUrl"] = server.BaseUrl,
            ["Graph:TenantId"] = Seeded.Tenant,
        });
        await api.InitializeAsync();
        try
        {
            await ApiWalk.ImportAsync(api);
            var id = (await ApiWalk.StartRoundAsync(api, ApiWalk.HomeCare))[ApiWalk.HomeCare];
            var before = await StateAsync(api, id);

            // Graph keeps answering 503 to every write inside a $batch: the assessment's own write (If-Match) lands, the
            // change's dependent writes and its commit point never do.
            emulator.AddFault(new FaultRule { Method = "POST", Scope = FaultScope.Inner, Status = 503, RetryAfter = "1" });
            using var refused = await api.PostAsync(Callers.Owner, ApiWalk.PathOf(id) + "/open", key: "open-during-outage");
            var problem = await ApiWalk.ExpectAsync(HttpStatusCode.ServiceUnavailable, refused);
            emulator.ClearFaults();

            Assert.StartsWith("Ikke gemt", (string?)problem["title"], StringComparison.Ordinal);
            Assert.Equal("1", refused.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains(emulator.Items(lists[ListSchema.DocumentListKeys[DocumentKinds.Assessment]]), i => i["fields"]![ColumnNames.Pending]!.GetValue<bool>());
            Assert.Equal(before, await StateAsync(api, id));

            // The user tries again (same request id): applied once. Other changes the fault caught meanwhile (the
            // dispatcher stamping how the invitation reached its owner) stay pending until the recovery sweep finishes them.
            using var retried = await api.PostAsync(Callers.Owner, ApiWalk.PathOf(id) + "/open", key: "open-during-outage");
            await ApiWalk.ExpectAsync(HttpStatusCode.OK, retried);
            Assert.NotEqual(before, await StateAsync(api, id));
            await (await GraphRiskStore.OpenAsync(Client(server), new GraphStoreOptions { SiteUrl = SiteUrl }, null, Ct)).RecoverAsync(Ct);
            var committed = emulator.Items(lists[ListSchema.AppliedChangesKey]).Select(i => (string?)i["fields"]![ColumnNames.OperationId]).ToHashSet();
            Assert.All(lists.SelectMany(l => emulator.Items(l.Value).Select(i => (l.Key, Fields: i["fields"]!.AsObject()))).Where(f => f.Fields[ColumnNames.Pending]?.GetValue<bool>() == true),
                f => Assert.True(committed.Contains((string?)f.Fields[ColumnNames.ChangeKey]), f.Key + " " + f.Fields.ToJsonString()));
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_outbox_dispatcher_and_the_audit_sealer_stop_while_graph_is_down_and_resume_when_it_returns()
    {
        var emulator = new Emulator();
        await using var server = await GraphEmulatorServer.StartAsync(emulator);
        await ProvisionAsync(emulator, server);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        var store = await GraphRiskStore.OpenAsync(Client(server), new GraphStoreOptions { SiteUrl = SiteUrl }, time, Ct);
        var message = Commits.Invitation("oid-anne").ToOutbox("submit-1", 0, time.GetUtcNow());
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(new StoreChange("submit-1", [], [AuditChains.Intent(1)], [message], null), Ct));
        var sent = new ConcurrentQueue<Delivery>();
        var dispatcher = Instances.Dispatcher(store, "instance-a", time, new RecordingSender("instance-a", time, sent));
        var sealer = Instances.Sealer(store, store, "instance-a", time);

        // Graph down: the jobs' rounds fail (their loops log it and poll again); nothing is sent or sealed meanwhile.
        var outage = emulator.AddFault(new FaultRule { Status = 503, RetryAfter = "0" });
        await Assert.ThrowsAsync<GraphStoreException>(() => dispatcher.RunOnceAsync(Ct));
        await Assert.ThrowsAsync<GraphStoreException>(() => sealer.RunOnceAsync(Ct));
        emulator.ClearFaults();
        time.Advance(TimeSpan.FromSeconds(5));

        var delivered = await dispatcher.RunOnceAsync(Ct);
        var sealedRound = await sealer.RunOnceAsync(Ct);

        Assert.True(outage.Fired > 0);
        Assert.Empty(await store.ReadDueOutboxAsync(time.GetUtcNow().AddYears(1), 10, Ct));
        Assert.Equal([message.Id], sent.Select(d => d.MessageId));
        Assert.Equal(new SealingRound(SealingOutcome.UpToDate, 1), sealedRound);
        var chain = await store.ReadChainAsync(1, 10, Ct);
        Assert.True(AuditChainVerifier.Verify(chain, await store.GetChainHeadAsync(Ct)).IsSuccess);
        Assert.Equal(["entry-1"], chain.Select(e => e.Intent.EntryId));
        Assert.Equal(1, delivered.Delivered);
    }

    private static Microsoft.Graph.GraphServiceClient Client(GraphEmulatorServer server) => GraphClientBuilder.Build(new GraphOptions { BaseUrl = server.BaseUrl });

    /// <summary>The site seeded and provisioned; list key → list id.</summary>
    private static async Task<Dictionary<string, Guid>> ProvisionAsync(Emulator emulator, GraphEmulatorServer server)
    {
        emulator.SeedSite(Host, SitePath, "Risiko");
        var report = await new SiteProvisioner(Client(server)).RunAsync(SiteUrl, ListSchema.Lists, ListSchema.Version, Ct);
        return report.Lists.ToDictionary(l => l.Key, l => Guid.Parse(l.Id), StringComparer.Ordinal);
    }

    private static async Task<string> StateAsync(ApiFactory api, string id)
    {
        using var read = await api.GetAsync(Callers.Owner, ApiWalk.PathOf(id));
        var body = (JsonObject)await ApiWalk.ExpectAsync(HttpStatusCode.OK, read);
        return body.ToJsonString();
    }
}
