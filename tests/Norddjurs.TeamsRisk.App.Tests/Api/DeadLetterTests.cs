using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Norddjurs.TeamsRisk.App.Jobs.Outbox;
using Norddjurs.TeamsRisk.App.Tests.Jobs;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>
/// design.md §5: the coordinator (and the auditor, read only) sees the messages the dispatcher gave up on, with the
/// reason; only the coordinator puts one back, which is audited with who did it, and the app's own dispatcher then
/// sends it. Everything refused is problem details and changes nothing.
/// </summary>
public sealed class DeadLetterTests : IAsyncLifetime
{
    private const string Path = "/api/outbox/dead-letters";
    private const string Blocked = "403 bot blocked by user";

    private readonly RecordingSender _sender = new("api", TimeProvider.System);
    private readonly ApiFactory _api;

    public DeadLetterTests()
    {
        // The first send of each dl-* message fails for good; after a requeue it goes through.
        foreach (var id in new[] { "dl-1", "dl-2", "dl-3" })
        {
            _sender.Answer(id, new DeliveryResult.Failed(Blocked));
        }

        _api = new ApiFactory(services => services.AddSingleton(new OutboxSenderRegistration(OutboxKinds.TeamsSend, _sender)));
    }

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    public static TheoryData<string, HttpStatusCode> Readers => new()
    {
        { "coordinator", HttpStatusCode.OK }, { "auditor", HttpStatusCode.OK }, { "committee", HttpStatusCode.Forbidden },
        { "directorate", HttpStatusCode.Forbidden }, { "owner", HttpStatusCode.Forbidden }, { "no role", HttpStatusCode.Forbidden },
    };

    [Theory, MemberData(nameof(Readers))]
    public async Task The_coordinator_and_the_auditor_read_the_dead_letters_and_nobody_else(string caller, HttpStatusCode expected)
    {
        await DeadAsync("dl-1");

        using var response = await _api.GetAsync(Callers.ByName[caller], Path);

        var body = await ApiWalk.ExpectAsync(expected, response);
        if (expected == HttpStatusCode.OK)
        {
            var row = Assert.Single(body["items"]!.AsArray())!;
            Assert.Equal(("dl-1", OutboxKinds.TeamsSend, "conv-dl-1", 1, Blocked), ((string?)row["id"], (string?)row["kind"], (string?)row["orderingKey"], (int?)row["attempts"], (string?)row["reason"]));
            Assert.NotNull(row["createdAt"]);
            Assert.NotNull(row["deadLetteredAt"]);
            Assert.Null((string?)body["continuationToken"]);
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(["workflow.role_missing"], await response.ErrorCodesAsync());
        }
    }

    [Fact]
    public async Task Dead_letters_page_oldest_first_and_a_foreign_token_is_400()
    {
        await DeadAsync("dl-1", "dl-2", "dl-3");

        using var first = await _api.GetAsync(Callers.Coordinator, Path + "?pageSize=2");
        var page1 = await ApiWalk.ExpectAsync(HttpStatusCode.OK, first);
        var token = (string)page1["continuationToken"]!;
        using var second = await _api.GetAsync(Callers.Coordinator, Path + "?pageSize=2&continuationToken=" + Uri.EscapeDataString(token));
        var page2 = await ApiWalk.ExpectAsync(HttpStatusCode.OK, second);
        using var bad = await _api.GetAsync(Callers.Coordinator, Path + "?continuationToken=forged");

        Assert.Equal(["dl-1", "dl-2"], page1["items"]!.AsArray().Select(r => (string?)r!["id"]));
        Assert.Equal(["dl-3"], page2["items"]!.AsArray().Select(r => (string?)r!["id"]));
        await ApiWalk.ExpectAsync(HttpStatusCode.BadRequest, bad);
        Assert.Equal(["api.continuation_token_invalid"], await bad.ErrorCodesAsync());
    }

    [Fact]
    public async Task The_coordinator_requeues_a_dead_letter_which_is_audited_and_then_sent_and_a_replay_answers_as_the_first_time()
    {
        await DeadAsync("dl-1");
        var key = _api.NewKey();

        using var retry = await _api.PostAsync(Callers.Coordinator, Path + "/dl-1/retry", key: key);
        var body = await ApiWalk.ExpectAsync(HttpStatusCode.OK, retry);
        await UntilAsync("dl-1", OutboxStatus.Sent);
        using var replay = await _api.PostAsync(Callers.Coordinator, Path + "/dl-1/retry", key: key);
        using var again = await _api.PostAsync(Callers.Coordinator, Path + "/dl-1/retry", language: "en");

        Assert.Equal("dl-1", (string?)body["id"]);
        Assert.Equal(body.ToJsonString(), (await ApiWalk.ExpectAsync(HttpStatusCode.OK, replay)).ToJsonString());
        Assert.Equal(2, _sender.Sent("dl-1").Count);
        await ApiWalk.ExpectAsync(HttpStatusCode.Conflict, again);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        await _api.AuditSealedAsync();
        var head = (await _api.Store.GetChainHeadAsync(CancellationToken.None))!;
        var requeued = Assert.Single(
            await _api.Store.ReadChainAsync(1, (int)head.Seq, CancellationToken.None),
            e => e.Intent.Action == AuditAction.OutboxMessageRequeued);
        Assert.Equal(Callers.Coordinator.ObjectId, requeued.Intent.Actor.ObjectId);
        Assert.Equal(["coordinator"], requeued.Intent.Actor.Roles);
        Assert.Equal(("outboxMessage", "dl-1"), (requeued.Intent.Subject.Type, requeued.Intent.Subject.Id));
        Assert.Equal(AuditChannel.Api, requeued.Intent.Channel);
        Assert.Equal(Blocked, (string?)requeued.Intent.Before!["reason"]);
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("committee")]
    [InlineData("owner")]
    [InlineData("no role")]
    public async Task Only_the_coordinator_may_requeue_and_a_refusal_changes_nothing(string caller)
    {
        var dead = await DeadAsync("dl-1");
        var audited = await _api.AuditedCountAsync();

        using var response = await _api.PostAsync(Callers.ByName[caller], Path + "/dl-1/retry");

        await ApiWalk.ExpectAsync(HttpStatusCode.Forbidden, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(dead, await _api.Store.GetOutboxRowAsync("dl-1", CancellationToken.None));
        Assert.Equal(audited, await _api.AuditedCountAsync());
    }

    [Fact]
    public async Task An_unknown_id_is_404_problem_details_in_Danish_by_default()
    {
        using var response = await _api.PostAsync(Callers.Coordinator, Path + "/no-such-message/retry");

        var body = await ApiWalk.ExpectAsync(HttpStatusCode.NotFound, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Endpoints.ApiTexts.Get("api.not_found", Core.Language.Danish), (string?)body["title"]);
    }

    [Fact]
    public async Task A_retry_without_an_idempotency_key_is_400_and_requeues_nothing()
    {
        var dead = await DeadAsync("dl-1");

        using var response = await _api.SendAsync(Callers.Coordinator, HttpMethod.Post, Path + "/dl-1/retry", content: null, key: null, language: null);

        await ApiWalk.ExpectAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal(["api.idempotency_key_missing"], await response.ErrorCodesAsync());
        Assert.Equal(dead, await _api.Store.GetOutboxRowAsync("dl-1", CancellationToken.None));
    }

    /// <summary>Commits one message per id, each to its own conversation, and waits for the app's dispatcher to dead-letter them.</summary>
    private async Task<OutboxRow> DeadAsync(params string[] ids)
    {
        foreach (var id in ids)
        {
            var message = new OutboxMessage(id, OutboxKinds.TeamsSend, "conv-" + id, """{"text":"Hej"}""", TimeProvider.System.GetUtcNow());
            Assert.IsType<CommitResult.Committed>(await _api.Store.CommitAsync(new StoreChange("seed-" + id, [], [], [message], null), CancellationToken.None));
            await UntilAsync(id, OutboxStatus.Dead);
        }

        return (await _api.Store.GetOutboxRowAsync(ids[0], CancellationToken.None))!;
    }

    private async Task UntilAsync(string id, OutboxStatus status)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while ((await _api.Store.GetOutboxRowAsync(id, CancellationToken.None))?.Status != status)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"{id} did not become {status} within 30 s.");
            await Task.Delay(20);
        }
    }
}
