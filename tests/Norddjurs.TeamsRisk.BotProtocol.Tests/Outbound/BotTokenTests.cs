using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound;

public sealed class BotTokenTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private FakeTokenEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await FakeTokenEndpoint.StartAsync();

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task The_secret_is_exchanged_at_the_tenants_v2_token_endpoint_for_the_Bot_Framework_scope()
    {
        var token = await Source().AcquireAsync(CancellationToken.None);

        var (path, form) = Assert.Single(_endpoint.Requests);
        Assert.Equal($"/{ConnectorHarness.TenantId}/oauth2/v2.0/token", path);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(ConnectorHarness.AppId, form["client_id"]);
        Assert.Equal("s3cret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
        Assert.Equal("token-1", token.AccessToken);
        Assert.Equal(_time.GetUtcNow().AddSeconds(3599), token.ExpiresOn);
    }

    [Fact]
    public async Task The_token_is_reused_until_five_minutes_before_it_expires_then_refreshed_once()
    {
        using var cache = new BotTokenCache(Source(), _time);

        var first = await cache.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3599 - 301)); // 5 min 1 s left
        var stillFirst = await cache.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2)); // 4 min 59 s left
        var second = await cache.GetTokenAsync(CancellationToken.None);
        var secondAgain = await cache.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first.AccessToken);
        Assert.Equal("token-1", stillFirst.AccessToken);
        Assert.Equal("token-2", second.AccessToken);
        Assert.Equal("token-2", secondAgain.AccessToken);
        Assert.Equal(2, _endpoint.Requests.Count);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_refresh()
    {
        using var cache = new BotTokenCache(Source(), _time);
        _endpoint.Hold();

        var callers = Enumerable.Range(0, 16).Select(_ => cache.GetTokenAsync(CancellationToken.None)).ToList();
        while (_endpoint.Requests.Count == 0)
        {
            await Task.Delay(1);
        }

        _endpoint.Release();
        var tokens = await Task.WhenAll(callers);

        Assert.Single(_endpoint.Requests);
        Assert.All(tokens, token => Assert.Equal("token-1", token.AccessToken));
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    public async Task Only_throttling_and_server_errors_from_the_token_endpoint_are_transient(int status, bool transient)
    {
        _endpoint.FailWith = status;

        var failure = await Assert.ThrowsAsync<BotTokenException>(() => Source().AcquireAsync(CancellationToken.None));

        Assert.Equal(transient, failure.IsTransient);
        Assert.DoesNotContain("s3cret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Azure_credential_is_asked_for_the_Bot_Framework_scope_and_its_expiry_kept()
    {
        var expires = _time.GetUtcNow().AddMinutes(60);
        var credential = new StaticCredential(new Azure.Core.AccessToken("mi-token", expires));

        var token = await new AzureCredentialTokenSource(credential).AcquireAsync(CancellationToken.None);

        Assert.Equal(["https://api.botframework.com/.default"], credential.RequestedScopes);
        Assert.Equal(new BotToken("mi-token", expires), token);
    }

    [Fact]
    public async Task An_unavailable_credential_is_a_lasting_failure()
    {
        var credential = new StaticCredential(new Azure.Identity.CredentialUnavailableException("no managed identity endpoint"));

        var failure = await Assert.ThrowsAsync<BotTokenException>(() => new AzureCredentialTokenSource(credential).AcquireAsync(CancellationToken.None));

        Assert.False(failure.IsTransient);
    }

    [Fact]
    public void The_settings_choose_the_credential()
    {
        Assert.IsType<ClientSecretTokenSource>(BotTokenSources.Create(Settings(o => o.ClientSecret = "s"), _http, _time));
        Assert.IsType<Azure.Identity.ClientCertificateCredential>(
            Assert.IsType<AzureCredentialTokenSource>(BotTokenSources.Create(Settings(o => o.CertificatePath = "/certs/bot.pem"), _http, _time)).Credential);
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(
            Assert.IsType<AzureCredentialTokenSource>(BotTokenSources.Create(Settings(o => o.UseManagedIdentity = true), _http, _time)).Credential);
        Assert.IsType<AnonymousDevelopmentTokenSource>(BotTokenSources.Create(Settings(o => o.AllowUnauthenticatedLocalDevelopment = true), _http, _time));
        Assert.IsType<UnconfiguredTokenSource>(BotTokenSources.Create(Settings(_ => { }), _http, _time));
    }

    [Fact]
    public async Task Without_any_credential_every_token_request_fails_for_good_naming_the_settings()
    {
        var failure = await Assert.ThrowsAsync<BotTokenException>(() => new UnconfiguredTokenSource().AcquireAsync(CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Contains("Bot:ClientSecret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_never_shows_itself_in_a_log_line()
    {
        Assert.DoesNotContain("eyJ", new BotToken("eyJhbGciOi", _time.GetUtcNow()).ToString(), StringComparison.Ordinal);
    }

    private ClientSecretTokenSource Source() =>
        new(_http, _endpoint.BaseAddress.AbsoluteUri, ConnectorHarness.TenantId, ConnectorHarness.AppId, "s3cret", _time);

    private static BotOptions Settings(Action<BotOptions> configure)
    {
        var options = new BotOptions { AppId = ConnectorHarness.AppId, TenantId = ConnectorHarness.TenantId };
        configure(options);
        return options;
    }

    /// <summary>A stand-in for Entra behind Azure.Identity: one token or one failure.</summary>
    private sealed class StaticCredential : Azure.Core.TokenCredential
    {
        private readonly Azure.Core.AccessToken? _token;
        private readonly Exception? _failure;

        public StaticCredential(Azure.Core.AccessToken token) => _token = token;

        public StaticCredential(Exception failure) => _failure = failure;

        public IReadOnlyList<string> RequestedScopes { get; private set; } = [];

        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            RequestedScopes = requestContext.Scopes;
            return _token ?? throw _failure!;
        }

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
