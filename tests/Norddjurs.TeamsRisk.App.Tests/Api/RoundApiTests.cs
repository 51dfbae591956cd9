using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>
/// <c>GET /api/rounds</c> and <c>POST /api/rounds/{id}/remind</c> on the staged round (OMS-01 submitted, DEMO-SAG
/// opened and DEMO-BOOK invited by the owner, ØKO-02 invited by the other owner): every refusal is problem details
/// and changes nothing; the coordinator's reminder is one owner-reminder outbox row per open assessment, once per key.
/// </summary>
public sealed class RoundApiTests(StagedApi staged) : IClassFixture<StagedApi>
{
    private ApiFactory Api => staged.Api;

    private string RemindPath => $"/api/rounds/{staged.RoundId}/remind";

    public static TheoryData<string, HttpStatusCode> ListReaders => new()
    {
        { "coordinator", HttpStatusCode.OK }, { "committee", HttpStatusCode.OK }, { "auditor", HttpStatusCode.OK },
        { "owner", HttpStatusCode.Forbidden }, { "other owner", HttpStatusCode.Forbidden }, { "directorate", HttpStatusCode.Forbidden },
        { "area manager", HttpStatusCode.Forbidden }, { "no role", HttpStatusCode.Forbidden },
    };

    [Theory, MemberData(nameof(ListReaders))]
    public async Task Listing_the_rounds(string caller, HttpStatusCode expected)
    {
        using var response = await Api.GetAsync(Callers.ByName[caller], "/api/rounds");

        var body = await ApiWalk.ExpectAsync(expected, response);
        if (expected == HttpStatusCode.OK)
        {
            var round = Assert.Single(body["rounds"]!.AsArray(), r => (string?)r!["roundId"] == staged.RoundId)!;
            Assert.Equal((4, 2, 1), ((int)round["invited"]!, (int)round["opened"]!, (int)round["submitted"]!));
            Assert.Equal(ApiWalk.Iso(ApiWalk.Today.AddDays(30)), (string?)round["deadline"]);
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(["workflow.role_missing"], await response.ErrorCodesAsync());
        }
    }

    public static TheoryData<string> NotCoordinators => ["owner", "other owner", "committee", "auditor", "directorate", "area manager", "no role"];

    [Theory, MemberData(nameof(NotCoordinators))]
    public async Task Only_the_coordinator_reminds_and_a_refusal_sends_nothing(string caller)
    {
        var before = await staged.FingerprintAsync();
        var key = Api.NewKey();

        using var response = await Api.PostAsync(Callers.ByName[caller], RemindPath, new { }, key);

        await ApiWalk.ExpectAsync(HttpStatusCode.Forbidden, response);
        Assert.Equal(["workflow.role_missing"], await response.ErrorCodesAsync());
        Assert.Equal(before, await staged.FingerprintAsync());
        Assert.Null(await Api.Store.GetOutboxRowAsync(OutboxId(Callers.ByName[caller], key), CancellationToken.None));
    }

    [Fact]
    public async Task A_submitted_owner_or_an_unknown_assessment_is_400_naming_each_in_english_and_nothing_is_sent()
    {
        var before = await staged.FingerprintAsync();
        var key = Api.NewKey();

        using var response = await Api.PostAsync(Callers.Coordinator, RemindPath, new { assessmentIds = new[] { staged.Invited, staged.Submitted, "nope" } }, key, "en");

        var body = await ApiWalk.ExpectAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal(["round.reminder_already_submitted", "round.reminder_not_in_round"], await response.ErrorCodesAsync());
        Assert.Equal("The owner of OMS-01 has already submitted the assessment and is not to be reminded of it.", (string?)body["errors"]![0]!["message"]);
        Assert.Equal(before, await staged.FingerprintAsync());
        Assert.Null(await Api.Store.GetOutboxRowAsync(OutboxId(Callers.Coordinator, key), CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_round_is_404_and_a_malformed_body_400_and_neither_changes_anything()
    {
        var before = await staged.FingerprintAsync();

        using var unknown = await Api.PostAsync(Callers.Coordinator, "/api/rounds/round-0000/remind", new { });
        using var malformed = await Api.SendAsync(Callers.Coordinator, HttpMethod.Post, RemindPath,
            new StringContent("{\"assessmentIds\": \"alle\"}", Encoding.UTF8, new MediaTypeHeaderValue("application/json")), Api.NewKey(), null);

        await ApiWalk.ExpectAsync(HttpStatusCode.NotFound, unknown);
        await ApiWalk.ExpectAsync(HttpStatusCode.BadRequest, malformed);
        Assert.Equal(["api.body_invalid"], await malformed.ErrorCodesAsync());
        Assert.Equal(before, await staged.FingerprintAsync());
    }

    [Fact]
    public async Task The_coordinator_reminds_every_open_owner_once_per_key()
    {
        var audited = await Api.AuditedCountAsync();
        var key = Api.NewKey();

        using var first = await Api.PostAsync(Callers.Coordinator, RemindPath, new { }, key);
        using var again = await Api.PostAsync(Callers.Coordinator, RemindPath, new { }, key);

        var body = await ApiWalk.ExpectAsync(HttpStatusCode.OK, first);
        Assert.Equal(body.ToJsonString(), (await ApiWalk.ExpectAsync(HttpStatusCode.OK, again)).ToJsonString());
        Assert.Equal(
            new[] { staged.InProgress, staged.Invited, staged.OtherOwners }.Order(StringComparer.Ordinal),
            body["assessmentIds"]!.AsArray().Select(a => (string)a!).Order(StringComparer.Ordinal));
        Assert.Equal(2, (int)body["owners"]!);
        Assert.Equal(audited + 3, await Api.AuditedCountAsync());
        for (var i = 0; i < 3; i++)
        {
            var row = await Api.Store.GetOutboxRowAsync(OutboxId(Callers.Coordinator, key, i), CancellationToken.None);
            Assert.NotNull(row);
            Assert.Equal(NotificationTemplates.OwnerReminder, StoreJson.Deserialize<Notification>(row.Message.PayloadJson).Template);
        }

        Assert.Null(await Api.Store.GetOutboxRowAsync(OutboxId(Callers.Coordinator, key, 3), CancellationToken.None));
    }

    /// <summary>An outbox row a remind request writes: the change's key (ApiCaller's), then the notification's index.</summary>
    private string OutboxId(Caller caller, string key, int index = 0) => $"api:{caller.ObjectId.ToLowerInvariant()}:{RemindPath}:{key}#{index}";
}
