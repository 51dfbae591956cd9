extern alias emulator;

using System.Net;
using System.Text.Json.Nodes;
using emulator::Norddjurs.TeamsRisk.GraphEmulator;
using emulator::Norddjurs.TeamsRisk.GraphEmulator.Users;
using Microsoft.Extensions.DependencyInjection;
using Norddjurs.TeamsRisk.App.Tests.Api;
using Norddjurs.TeamsRisk.App.Tests.Identity;
using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.Graph.Reach;
using Emulator = emulator::Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.App.Tests.Reach;

/// <summary>
/// The app's own dispatcher reaches the owners of a round (issue 8 item 1) through Graph against the emulator — the
/// bot has no chat with anyone here — and the coordinator follows it per invitation and in the delivery log.
/// </summary>
public sealed class ReachApiTests : IAsyncLifetime
{
    private const string CatalogId = "5c7e9a1b-3d5f-4b7d-9f1b-3d5f7b9d1f30";
    private const string Sender = "informationssikkerhed@norddjurs.example";
    private const string BotAppId = "7d2e5f10-0000-4000-8000-00000000b0b0";

    private readonly Emulator _graph = new();
    private readonly ApiFactory _api;

    public ReachApiTests()
    {
        _graph.SeedUser(new UserState("5e0d0000-0000-4000-8000-000000000001", Sender, "Informationssikkerhed"));
        _graph.SeedUser(new UserState(Seeded.AlexWilber, "alexw@norddjurs.example", "Alex Wilber"));
        _api = new ApiFactory(services =>
        {
            services.PostConfigure<GraphOptions>(o => o.BaseUrl = "http://127.0.0.1/v1.0");
            services.PostConfigure<TeamsAppInstallOptions>(o => o.AppCatalogId = CatalogId);
            services.PostConfigure<MailOptions>(o => (o.SenderUserId, o.BotAppId) = (Sender, BotAppId));
            services.AddSingleton(GraphClientBuilder.Build(new GraphOptions { BaseUrl = "http://127.0.0.1/v1.0" }, new GraphEmulatorHandler(_graph)));
        });
    }

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Where_the_app_is_not_in_the_catalogue_the_owner_gets_a_mail_and_the_coordinator_sees_why()
    {
        var homeCare = await StartAsync();

        var invitation = await ReachedAsync(homeCare);

        Assert.Equal("mail", (string?)invitation["reach"]);
        Assert.Contains("catalogue", (string?)invitation["reachReason"], StringComparison.Ordinal);
        var mail = Assert.Single(_graph.SentMail, m => m.To.Contains("alexw@norddjurs.example"));
        Assert.Equal(Sender, mail.FromUser, ignoreCase: true);
        Assert.Contains($"users=28:{BotAppId}", mail.Body, StringComparison.Ordinal);
        Assert.Equal((false, false, false), ((bool)invitation["opened"]!, (bool)invitation["submitted"]!, (bool)invitation["overdue"]!));
    }

    [Fact]
    public async Task Where_the_app_can_be_installed_it_is_and_the_invitation_waits_for_the_chat()
    {
        _graph.SeedTeamsApp(new TeamsAppState(CatalogId, "manifest-id", "TeamsRisk"));
        var homeCare = await StartAsync();

        var invitation = await ReachedAsync(homeCare);

        Assert.Equal("installing", (string?)invitation["reach"]);
        Assert.Contains(_graph.RequestLog, r => r.Method == "POST" && r.Target.Contains($"/users/{Seeded.AlexWilber}/teamwork/installedApps", StringComparison.OrdinalIgnoreCase) && r.Status == 201);
        Assert.Empty(_graph.SentMail);
    }

    public static TheoryData<string, HttpStatusCode> StatusReaders => new()
    {
        { "coordinator", HttpStatusCode.OK }, { "committee", HttpStatusCode.OK }, { "auditor", HttpStatusCode.OK },
        { "owner", HttpStatusCode.Forbidden }, { "directorate", HttpStatusCode.Forbidden }, { "no role", HttpStatusCode.Forbidden },
    };

    [Theory, MemberData(nameof(StatusReaders))]
    public async Task The_round_status_is_read_by_the_coordinator_committee_and_auditor_only(string caller, HttpStatusCode expected)
    {
        var homeCare = await StartAsync();

        using var response = await _api.GetAsync(Callers.ByName[caller], $"/api/rounds/{ApiWalk.RoundOf(homeCare)}/status");

        await ApiWalk.ExpectAsync(expected, response);
    }

    [Fact]
    public async Task An_unknown_round_is_404_problem_details()
    {
        using var response = await _api.GetAsync(Callers.Coordinator, "/api/rounds/nope/status");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_delivery_log_shows_the_invitation_sent_for_the_coordinator_and_refuses_the_owner()
    {
        var homeCare = await StartAsync();
        await ReachedAsync(homeCare);

        using var owner = await _api.GetAsync(Callers.Owner, "/api/outbox/log");
        await ApiWalk.ExpectAsync(HttpStatusCode.Forbidden, owner);

        using var response = await _api.GetAsync(Callers.Coordinator, "/api/outbox/log?count=50");
        var log = (await ApiWalk.ExpectAsync(HttpStatusCode.OK, response)).AsArray();
        Assert.Contains(log, d => (string?)d!["kind"] == "teams.send" && (string?)d["status"] == "sent"
            && ((string?)d["orderingKey"])!.Contains(Seeded.AlexWilber, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<string> StartAsync()
    {
        await ApiWalk.ImportAsync(_api);
        return (await ApiWalk.StartRoundAsync(_api, "OMS-01"))["OMS-01"];
    }

    /// <summary>The invitation's status once the app's dispatcher has tried it.</summary>
    private async Task<JsonNode> ReachedAsync(string assessmentId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await _api.GetAsync(Callers.Coordinator, $"/api/rounds/{ApiWalk.RoundOf(assessmentId)}/status");
            var status = await ApiWalk.ExpectAsync(HttpStatusCode.OK, response);
            var invitation = status["invitations"]!.AsArray().Single(i => (string?)i!["assessmentId"] == assessmentId)!;
            if ((string?)invitation["reach"] != "pending")
            {
                return invitation;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "The dispatcher did not try the invitation within 30 s.");
            await Task.Delay(50);
        }
    }
}
