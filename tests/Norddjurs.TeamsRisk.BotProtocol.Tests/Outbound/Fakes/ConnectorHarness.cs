using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

/// <summary>
/// The real <see cref="ConnectorClient"/> with a client-secret token from the fake token endpoint, talking to the fake
/// connector, on fake time. Loopback service URLs are allowed (as in local development) unless a test says otherwise.
/// </summary>
public sealed class ConnectorHarness : IAsyncDisposable
{
    public const string AppId = "7d2e5f10-0000-4000-8000-00000000b0b0";
    public const string TenantId = "4f1c2a9e-0000-4000-8000-0000000000aa";
    public const string BotId = "28:" + AppId;

    private readonly HttpClient _connectorHttp = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly HttpClient _tokenHttp = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private BotTokenCache? _tokens;

    private ConnectorHarness()
    {
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    public FakeConnector Connector { get; private set; } = null!;

    public FakeTokenEndpoint TokenEndpoint { get; private set; } = null!;

    public BotOptions Options { get; } = new() { AppId = AppId, TenantId = TenantId, ClientSecret = "s3cret", AllowUnauthenticatedLocalDevelopment = true };

    public IConnectorClient Client { get; private set; } = null!;

    /// <summary>A personal chat at the Teams-style service URL.</summary>
    public ConversationAddress Personal => new(Connector.TeamsServiceUrl, "a:1Zk3personal", BotId);

    public static async Task<ConnectorHarness> StartAsync(Action<BotOptions>? configure = null)
    {
        var harness = new ConnectorHarness();
        harness.Connector = await FakeConnector.StartAsync(harness.Time);
        harness.TokenEndpoint = await FakeTokenEndpoint.StartAsync();
        harness.Options.TokenEndpointBase = harness.TokenEndpoint.BaseAddress;
        configure?.Invoke(harness.Options);

        var source = BotTokenSources.Create(harness.Options, harness._tokenHttp, harness.Time);
        harness._tokens = new BotTokenCache(source, harness.Time);
        harness.Client = new ConnectorClient(
            harness._connectorHttp,
            harness._tokens,
            ServiceUrlAllowList.From(harness.Options),
            new SendPacer(harness.Options.MaxRequestsPerSecond, harness.Time),
            new RetryBackoff(new Random(6)),
            Microsoft.Extensions.Options.Options.Create(harness.Options),
            harness.Time,
            NullLogger<ConnectorClient>.Instance);
        return harness;
    }

    /// <summary>Runs one call to its end on fake time.</summary>
    public Task<ConnectorResult> Run(Func<IConnectorClient, Task<ConnectorResult>> call, TimeSpan? step = null) =>
        Time.Drive(call(Client), step);

    public async ValueTask DisposeAsync()
    {
        _connectorHttp.Dispose();
        _tokenHttp.Dispose();
        _tokens?.Dispose();
        await Connector.DisposeAsync();
        await TokenEndpoint.DisposeAsync();
    }
}
