extern alias emulator;

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using emulator::Norddjurs.TeamsRisk.GraphEmulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
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
/// "not saved, try again" (the API's 503, the bot's invoke error) with nothing half-written anyone can see, and the outbox
/// and the sealer resume when it returns.
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
    public async Task A_card_action_while_graph_refuses_writes_is_answered_try_again_and_applies_once_when_teams_retries_it()
    {
        var emulator = new Emulator();
        await using var server = await GraphEmulatorServer.StartAsync(emulator);
        await ProvisionAsync(emulator, server);
        using var app = TeamsRiskApp.Create("Development", new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "SharePoint",
                ["Storage:SharePoint:SiteUrl"] = SiteUrl,
                ["Graph:BaseUrl"] = server.BaseUrl,
                ["Directory:Provider"] = "Seeded",
            })
            .WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, Bot.BotEndpointTests.FromLoopback>()));
        using var client = app.CreateClient();
        using var list = await client.PostAsJsonAsync("/api/messages", Invoke("1", new JsonObject { ["verb"] = "start" }));
        var open = OpenActionData((await list.Content.ReadFromJsonAsync<JsonObject>())!);
        var assessmentId = (string)open["assessmentId"]!;
        var store = await GraphRiskStore.OpenAsync(Client(server), new GraphStoreOptions { SiteUrl = SiteUrl }, null, Ct);
        var before = (await store.GetAsync(DocumentKinds.Assessment, assessmentId, Ct))!;

        emulator.AddFault(new FaultRule { Method = "POST", Scope = FaultScope.Inner, Status = 503, RetryAfter = "1" });
        using var refused = await client.PostAsJsonAsync("/api/messages", Invoke("2", open));
        var answer = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        emulator.ClearFaults();

        // An invoke's error travels in the body of an HTTP 200; Teams shows it on the card, which keeps what was entered.
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(500, (int)answer["statusCode"]!);
        Assert.Contains("Prøv igen", (string?)answer["value"]!["message"], StringComparison.Ordinal);
        Assert.Equal((before.Version, before.Json), await VersionAndJsonAsync(store, assessmentId));

        using var retried = await client.PostAsJsonAsync("/api/messages", Invoke("2", open));
        Assert.Equal(200, (int)(await retried.Content.ReadFromJsonAsync<JsonObject>())!["statusCode"]!);
        Assert.Equal(before.Version + 1, (await VersionAndJsonAsync(store, assessmentId)).Version);
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

    private static async Task<(long Version, string Json)> VersionAndJsonAsync(GraphRiskStore store, string id) =>
        (await store.GetAsync(DocumentKinds.Assessment, id, Ct)) is { } document ? (document.Version, document.Json) : (0, string.Empty);

    /// <summary>The data of the list card's first Begin/Continue button.</summary>
    private static JsonObject OpenActionData(JsonObject invokeResponse)
    {
        var actions = new List<JsonObject>();
        Collect(invokeResponse["value"], actions);
        return (JsonObject)actions.First(a => (string?)a["verb"] == "assessment.open")["data"]!.DeepClone();

        static void Collect(JsonNode? node, List<JsonObject> found)
        {
            if (node is JsonObject obj)
            {
                if ((string?)obj["type"] == "Action.Execute")
                {
                    found.Add(obj);
                }

                foreach (var (_, child) in obj)
                {
                    Collect(child, found);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array)
                {
                    Collect(child, found);
                }
            }
        }
    }

    /// <summary>A card action by Alex Wilber in his 1:1 chat with the bot, as the Playground sends it.</summary>
    private static JsonObject Invoke(string activityId, JsonObject data) => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = activityId,
        ["serviceUrl"] = "http://127.0.0.1:56150/_connector",
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:alex", ["aadObjectId"] = Seeded.AlexWilber, ["name"] = "Alex Wilber" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["conversation"] = new JsonObject { ["id"] = "a:1outage-conversation", ["conversationType"] = "personal", ["tenantId"] = Seeded.Tenant },
        ["locale"] = "da-DK",
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string)data["verb"]!, ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        },
    };

    private static async Task<string> StateAsync(ApiFactory api, string id)
    {
        using var read = await api.GetAsync(Callers.Owner, ApiWalk.PathOf(id));
        var body = (JsonObject)await ApiWalk.ExpectAsync(HttpStatusCode.OK, read);
        return body.ToJsonString();
    }
}
