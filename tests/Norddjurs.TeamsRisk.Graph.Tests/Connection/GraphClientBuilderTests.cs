using System.Collections.Concurrent;
using Azure.Core;
using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.GraphEmulator;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.Graph.Tests.Connection;

/// <summary>What every request of the built client carries and how many run at once (graph-sharepoint.md §7.2, §7.7, §7.8).</summary>
public sealed class GraphClientBuilderTests
{
    private const string Site = "norddjurs.sharepoint.com:/sites/X";

    private readonly Emulator _emulator = new();

    public GraphClientBuilderTests() => _emulator.SeedSite("norddjurs.sharepoint.com", "/sites/X");

    [Fact]
    public async Task Every_request_is_decorated_as_NONISV_Norddjurs_TeamsRisk()
    {
        var graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = "http://127.0.0.1/v1.0" }, new GraphEmulatorHandler(_emulator));

        await graph.Sites[Site].GetAsync();

        var userAgent = Assert.Single(_emulator.RequestLog).UserAgent;
        Assert.StartsWith("NONISV|Norddjurs|TeamsRisk/", userAgent, StringComparison.Ordinal);
        Assert.Contains("kiota-dotnet/", userAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_token_goes_to_the_configured_Graph_host()
    {
        var recorder = new RecordingHandler(new GraphEmulatorHandler(_emulator));
        var graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = "http://127.0.0.1/v1.0" }, new FixedTokenCredential("test-token"), recorder);

        await graph.Sites[Site].GetAsync();

        Assert.Equal("Bearer test-token", Assert.Single(recorder.Authorizations));
    }

    [Fact]
    public async Task A_throttled_request_is_retried_after_Retry_After()
    {
        _emulator.AddFault(new Norddjurs.TeamsRisk.GraphEmulator.Faults.FaultRule { Method = "GET", Status = 429, RetryAfter = "1", Times = 1 });
        var graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = "http://127.0.0.1/v1.0" }, new GraphEmulatorHandler(_emulator));

        var site = await graph.Sites[Site].GetAsync();

        Assert.NotNull(site?.Id);
        Assert.Equal([429, 200], _emulator.RequestLog.Select(r => r.Status));
        Assert.Equal("1", _emulator.RequestLog[1].RetryAttempt);
    }

    [Fact]
    public async Task At_most_ten_requests_are_in_flight()
    {
        var recorder = new RecordingHandler(new GraphEmulatorHandler(_emulator), TimeSpan.FromMilliseconds(50));
        var graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = "http://127.0.0.1/v1.0" }, recorder);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => graph.Sites[Site].GetAsync()));

        Assert.Equal(40, recorder.Authorizations.Count);
        Assert.InRange(recorder.MaxInFlight, 2, ConcurrencyLimitHandler.MaxInFlight);
    }

    private sealed class FixedTokenCredential(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    /// <summary>The final handler in front of the emulator: records the Authorization header and how many requests overlap.</summary>
    private sealed class RecordingHandler(HttpMessageHandler emulator, TimeSpan delay = default) : DelegatingHandler(emulator)
    {
        private int _inFlight;

        public ConcurrentBag<string> Authorizations { get; } = [];

        public int MaxInFlight { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorizations.Add(request.Headers.Authorization?.ToString() ?? string.Empty);
            var now = Interlocked.Increment(ref _inFlight);
            lock (Authorizations)
            {
                MaxInFlight = Math.Max(MaxInFlight, now);
            }

            try
            {
                await Task.Delay(delay, cancellationToken);
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
