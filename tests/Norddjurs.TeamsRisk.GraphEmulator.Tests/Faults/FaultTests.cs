using System.Diagnostics;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;
using Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Faults;

/// <summary>Contract tests 25, 27, 28, 30–33: injected faults as the SDK's default middleware sees them (§7).</summary>
public sealed class FaultTests : IDisposable
{
    private readonly Emulated _graph = new();

    [Fact]
    public async Task Two_429s_with_Retry_After_are_retried_by_the_SDK_with_the_same_client_request_id()
    {
        var list = await _graph.CreateListAsync("Systemer");
        _graph.Emulator.AddFault(new FaultRule { Method = "GET", PathPattern = "/items$", Status = 429, RetryAfter = "1", Times = 2 });
        var clock = Stopwatch.StartNew();

        var page = await _graph.ListById(list).Items.GetAsync();

        Assert.NotNull(page!.Value);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"waited only {clock.Elapsed}");
        var attempts = _graph.Emulator.RequestLog.Where(e => e.Target.EndsWith("/items", StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 429, 200], attempts.Select(e => e.Status));
        Assert.Single(attempts.Select(e => e.ClientRequestId).Distinct());
        Assert.Equal([null, "1", "2"], attempts.Select(e => e.RetryAttempt));
        Assert.All(attempts.Take(2), e => Assert.Contains("fault 429", e.Fault, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_503_that_outlasts_the_retries_surfaces_as_an_AggregateException_of_ApiExceptions()
    {
        var list = await _graph.CreateListAsync("Systemer");
        _graph.Emulator.AddFault(new FaultRule { Method = "GET", PathPattern = "/items$", Status = 503, RetryAfter = "0", Times = 4 });

        var error = await Assert.ThrowsAsync<AggregateException>(() => _graph.ListById(list).Items.GetAsync(r => r.Options.Add(new RetryHandlerOption { MaxRetry = 1 })));

        Assert.All(error.InnerExceptions, e => Assert.Equal(503, Assert.IsAssignableFrom<ApiException>(e).ResponseStatusCode));
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_time_limit_is_handed_back_as_a_429_ODataError()
    {
        var list = await _graph.CreateListAsync("Systemer");
        _graph.Emulator.AddFault(new FaultRule { PathPattern = "/items$", Status = 429, RetryAfter = "120" });

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.ListById(list).Items.GetAsync(
            r => r.Options.Add(new RetryHandlerOption { RetriesTimeLimit = TimeSpan.FromSeconds(30) })));

        Assert.Equal(429, error.ResponseStatusCode);
        Assert.Equal("120", error.ResponseHeaders["Retry-After"].Single());
        Assert.Equal("activityLimitReached", error.Error!.Code);
    }

    [Fact]
    public async Task Commit_then_504_makes_the_SDKs_retry_create_a_duplicate_unless_a_unique_column_refuses_it()
    {
        var list = await _graph.CreateListAsync("Systemer", Emulated.Text("OperationId", indexed: true, unique: true));
        _graph.Emulator.AddFault(new FaultRule { Method = "POST", PathPattern = "/items$", Status = 504, RetryAfter = "0", CommitThenFail = true, Times = 1 });

        await _graph.CreateItemAsync(list, new() { ["Title"] = "no key" });
        _graph.Emulator.AddFault(new FaultRule { Method = "POST", PathPattern = "/items$", Status = 504, RetryAfter = "0", CommitThenFail = true, Times = 1 });
        var duplicate = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["OperationId"] = "op-1" }));

        var items = _graph.Emulator.Items(Guid.Parse(list));
        Assert.Equal(2, items.Count(i => i["fields"]!["Title"]?.GetValue<string>() == "no key"));
        Assert.Equal(409, duplicate.ResponseStatusCode);
        Assert.Single(items, i => i["fields"]!["OperationId"]?.GetValue<string>() == "op-1");
    }

    [Fact]
    public async Task Latency_beyond_the_client_timeout_cancels_and_nothing_is_written()
    {
        var list = await _graph.CreateListAsync("Systemer");
        _graph.Emulator.Options.Latency = TimeSpan.FromSeconds(2);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _graph.ListById(list).Items.PostAsync(
            new ListItem { Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "x" } } },
            cancellationToken: timeout.Token));

        _graph.Emulator.Options.Latency = TimeSpan.Zero;
        Assert.Empty(_graph.Emulator.Items(Guid.Parse(list)));
    }

    [Fact]
    public async Task An_outer_batch_503_is_re_posted_whole_by_the_SDK()
    {
        var list = await _graph.CreateListAsync("Systemer");
        _graph.Emulator.AddFault(new FaultRule { Scope = FaultScope.Outer, PathPattern = @"^/\$batch$", Status = 503, RetryAfter = "1", Times = 1 });
        var batch = new BatchRequestContentCollection(_graph.Client);
        await batch.AddBatchRequestStepAsync(_graph.ListById(list).Items.ToPostRequestInformation(
            new ListItem { Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "x" } } }));

        var result = await _graph.Client.Batch.PostAsync(batch);

        Assert.Single((await result.GetResponsesStatusCodesAsync()).Values);
        Assert.Equal([503, 200], _graph.Emulator.RequestLog.Where(e => e.Target.EndsWith("$batch", StringComparison.Ordinal)).Select(e => e.Status));
        Assert.Single(_graph.Emulator.Items(Guid.Parse(list)));
    }

    [Fact]
    public async Task A_connection_reset_reaches_the_caller_as_HttpRequestException()
    {
        _graph.Emulator.AddFault(new FaultRule { PathPattern = "^/sites/", ResetConnection = true, Times = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => _graph.Client.Sites[_graph.Site.Id].GetAsync());
    }

    [Fact]
    public async Task Every_nth_request_rule_fires_on_the_nth_only()
    {
        _graph.Emulator.AddFault(new FaultRule { Method = "GET", PathPattern = "^/sites/", EveryNth = 3, Status = 500 });

        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((int)(await _graph.Raw.GetAsync($"/v1.0/sites/{_graph.Site.Id}")).StatusCode);
        }

        Assert.Equal([200, 200, 500, 200, 200, 500], statuses);
    }

    [Fact]
    public async Task A_probabilistic_rule_fires_reproducibly_from_the_seed_and_sends_its_extra_headers()
    {
        async Task<List<int>> RunAsync()
        {
            using var graph = new Emulated();
            graph.Emulator.AddFault(new FaultRule
            {
                PathPattern = "^/sites/",
                Probability = 0.3,
                Status = 429,
                RetryAfter = "5",
                Headers = new Dictionary<string, string> { ["RateLimit-Limit"] = "1200", ["RateLimit-Remaining"] = "0", ["RateLimit-Reset"] = "5" },
            });
            var statuses = new List<int>();
            for (var i = 0; i < 40; i++)
            {
                var response = await graph.Raw.GetAsync($"/v1.0/sites/{graph.Site.Id}");
                statuses.Add((int)response.StatusCode);
                if (statuses[^1] == 429)
                {
                    Assert.Equal("0", response.Headers.GetValues("RateLimit-Remaining").Single());
                }
            }
            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.InRange(first.Count(s => s == 429), 4, 24);
    }

    [Fact]
    public async Task Every_request_carries_the_decorated_User_Agent()
    {
        await _graph.Client.Sites[_graph.Site.Id].GetAsync();

        Assert.StartsWith("NONISV|Norddjurs|TeamsRisk/", _graph.Emulator.RequestLog.Single().UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_without_Retry_After_is_retried_with_exponential_back_off()
    {
        var list = await _graph.CreateListAsync("Systemer");
        _graph.Emulator.AddFault(new FaultRule { PathPattern = "/items$", Status = 429 });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AggregateException>(() => _graph.ListById(list).Items.GetAsync(
            r => r.Options.Add(new RetryHandlerOption { Delay = 1, MaxRetry = 2 })));

        // Delay × 2^n: 1 s then 2 s (§7.4).
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2.9), $"waited only {clock.Elapsed}");
        Assert.Equal(3, error.InnerExceptions.Count);
    }

    public void Dispose() => _graph.Dispose();
}
