using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Graph.Core.Requests;
using Microsoft.Graph.Models;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;
using Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Batch;

/// <summary>Contract tests 22–24, 26 and the §10.5 validation of a <c>$batch</c> body.</summary>
public sealed class BatchTests : IDisposable
{
    private readonly Emulated _graph = new();

    [Fact]
    public async Task Steps_with_dependsOn_run_after_their_dependency_and_all_statuses_read_back()
    {
        var list = await _graph.CreateListAsync("Systemer", Emulated.Text("Owner"));
        var item = await _graph.CreateItemAsync(list, new() { ["Title"] = "a" });
        var batch = new BatchRequestContentCollection(_graph.Client);
        var patch = _graph.ListById(list).Items[item.Id].Fields.ToPatchRequestInformation(
            new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Owner"] = "anne" } },
            r => r.Headers.Add("If-Match", item.ETag!));
        await batch.AddBatchRequestStepAsync(patch, "1");
        var create = _graph.ListById(list).Items.ToPostRequestInformation(
            new ListItem { Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "audit" } } });
        var createMessage = await _graph.Client.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(create);
        batch.AddBatchRequestStep(new BatchRequestStep("2", createMessage, ["1"]));

        var result = await _graph.Client.Batch.PostAsync(batch);
        var statuses = await result.GetResponsesStatusCodesAsync();
        var created = await result.GetResponseByIdAsync<ListItem>("2");

        Assert.Equal(HttpStatusCode.OK, statuses["1"]);
        Assert.Equal(HttpStatusCode.Created, statuses["2"]);
        Assert.Equal("2", created.Id);
        var log = _graph.Emulator.RequestLog.Where(e => e.IsBatchStep).ToList();
        Assert.Equal(["PATCH", "POST"], log.Select(e => e.Method));
    }

    [Fact]
    public async Task Twenty_five_steps_go_as_two_posts_and_every_status_reads_back()
    {
        var list = await _graph.CreateListAsync("Systemer");
        var batch = new BatchRequestContentCollection(_graph.Client);
        for (var i = 0; i < 25; i++)
        {
            await batch.AddBatchRequestStepAsync(_graph.ListById(list).Items.ToPostRequestInformation(
                new ListItem { Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = $"t{i}" } } }));
        }

        var result = await _graph.Client.Batch.PostAsync(batch);
        var statuses = await result.GetResponsesStatusCodesAsync();

        Assert.Equal(25, statuses.Count);
        Assert.All(statuses.Values, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(2, _graph.Emulator.RequestLog.Count(e => e.Target.EndsWith("/$batch", StringComparison.Ordinal)));
        Assert.Equal(25, _graph.Emulator.Items(Guid.Parse(list)).Count);
    }

    [Fact]
    public async Task A_dependent_of_a_failing_step_gets_424()
    {
        var list = await _graph.CreateListAsync("Systemer");
        var body = Batch(
            Step("1", "PATCH", $"/sites/{_graph.Site.Id}/lists/{list}/items/99/fields", """{"Title":"x"}"""),
            Step("2", "POST", $"/sites/{_graph.Site.Id}/lists/{list}/items", """{"fields":{"Title":"y"}}""", "1"));

        var responses = await PostBatchAsync(body);

        Assert.Equal(404, Status(responses, "1"));
        Assert.Equal(424, Status(responses, "2"));
        Assert.Empty(_graph.Emulator.Items(Guid.Parse(list)));
    }

    [Fact]
    public async Task An_inner_429_comes_back_inside_a_200_with_its_own_Retry_After()
    {
        var list = await _graph.CreateListAsync("Systemer");
        _graph.Emulator.AddFault(new FaultRule { Scope = FaultScope.Inner, Method = "POST", EveryNth = 3, Times = 1, Status = 429, RetryAfter = "1" });
        var steps = Enumerable.Range(1, 5).Select(i => Step($"{i}", "POST", $"/sites/{_graph.Site.Id}/lists/{list}/items", """{"fields":{"Title":"x"}}""", i > 1 ? $"{i - 1}" : null));

        var responses = await PostBatchAsync(Batch([.. steps]));

        Assert.Equal(429, Status(responses, "3"));
        Assert.Equal("1", responses.Single(r => r!["id"]!.GetValue<string>() == "3")!["headers"]!["Retry-After"]!.GetValue<string>());
        Assert.Equal(424, Status(responses, "4"));
        Assert.Equal(201, Status(responses, "1"));
    }

    [Fact]
    public async Task The_SDK_does_not_retry_an_inner_429_but_exposes_its_Retry_After_and_can_rebuild_a_batch_of_it()
    {
        var list = await _graph.CreateListAsync("Systemer");
        _graph.Emulator.AddFault(new FaultRule { Scope = FaultScope.Inner, Method = "POST", EveryNth = 3, Times = 1, Status = 429, RetryAfter = "1" });
        var batch = new BatchRequestContentCollection(_graph.Client);
        for (var i = 1; i <= 5; i++)
        {
            await batch.AddBatchRequestStepAsync(_graph.ListById(list).Items.ToPostRequestInformation(
                new ListItem { Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = $"t{i}" } } }), $"{i}");
        }

        var result = await _graph.Client.Batch.PostAsync(batch);
        var statuses = await result.GetResponsesStatusCodesAsync();
        var throttled = statuses.Single(s => s.Value == (HttpStatusCode)429).Key;
        using var raw = await result.GetResponseByIdAsync(throttled);
        var again = batch.NewBatchWithFailedRequests(statuses.Where(s => s.Value == (HttpStatusCode)429).ToDictionary(s => s.Key, s => s.Value));
        var retried = await _graph.Client.Batch.PostAsync(again);

        // One post for the first batch (no SDK retry of the inner 429) and one for the rebuilt batch.
        Assert.Equal(2, _graph.Emulator.RequestLog.Count(e => e.Target.EndsWith("$batch", StringComparison.Ordinal)));
        Assert.Equal("1", raw.Headers.GetValues("Retry-After").Single());
        // NewBatchWithFailedRequests gives the re-sent steps new (GUID) ids: map results back by order, not by id.
        Assert.Equal(HttpStatusCode.Created, Assert.Single(await retried.GetResponsesStatusCodesAsync()).Value);
        Assert.Equal(5, _graph.Emulator.Items(Guid.Parse(list)).Count);
    }

    [Fact]
    public async Task Step_urls_with_raw_spaces_quotes_and_non_ascii_letters_are_routed()
    {
        var list = await _graph.CreateListAsync("Hændelser", Emulated.Text("Status", indexed: true));
        await _graph.CreateItemAsync(list, new() { ["Status"] = "Åben & ny" });
        await _graph.CreateItemAsync(list, new() { ["Status"] = "Lukket" });

        var responses = await PostBatchAsync(Batch(
            Step("1", "GET", $"/sites/{_graph.Site.Id}/lists/Hændelser/items?$expand=fields($select=Status)&$filter=fields/Status eq 'Åben & ny'")));

        var value = responses.Single()!["body"]!["value"]!.AsArray();
        Assert.Equal("Åben & ny", Assert.Single(value)!["fields"]!["Status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"requests":[{"id":"1","method":"GET","url":"/sites/root"},{"id":"1","method":"GET","url":"/sites/root"}]}""")]
    [InlineData("""{"requests":[{"id":"1","method":"GET","url":"/sites/root","dependsOn":["9"]}]}""")]
    [InlineData("""{"requests":[{"id":"1","method":"POST","url":"/sites/root/lists","body":{"displayName":"x"}}]}""")]
    [InlineData("""{"requests":[{"method":"GET","url":"/sites/root"}]}""")]
    [InlineData("""{"nothing":[]}""")]
    public async Task A_malformed_batch_is_400(string body)
    {
        var response = await _graph.Raw.PostAsync("/v1.0/$batch", Emulated.JsonBody(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task More_than_twenty_steps_is_400()
    {
        var steps = Enumerable.Range(1, 21).Select(i => Step($"{i}", "GET", "/sites/root")).ToArray();

        var response = await _graph.Raw.PostAsync("/v1.0/$batch", Emulated.JsonBody(Batch(steps).ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonArray> PostBatchAsync(JsonObject body)
    {
        var response = await _graph.Raw.PostAsync("/v1.0/$batch", Emulated.JsonBody(body.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["responses"]!.AsArray();
    }

    private static int Status(JsonArray responses, string id) =>
        responses.Single(r => r!["id"]!.GetValue<string>() == id)!["status"]!.GetValue<int>();

    private static JsonObject Batch(params JsonObject[] steps) => new() { ["requests"] = new JsonArray(steps) };

    private static JsonObject Step(string id, string method, string url, string? body = null, string? dependsOn = null)
    {
        var step = new JsonObject { ["id"] = id, ["method"] = method, ["url"] = url };
        if (body is not null)
        {
            step["headers"] = new JsonObject { ["Content-Type"] = "application/json" };
            step["body"] = JsonNode.Parse(body);
        }
        if (dependsOn is not null)
        {
            step["dependsOn"] = new JsonArray(dependsOn);
        }
        return step;
    }

    public void Dispose() => _graph.Dispose();
}
