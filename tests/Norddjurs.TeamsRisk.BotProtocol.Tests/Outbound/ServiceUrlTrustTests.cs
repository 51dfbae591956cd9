using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound;

/// <summary>§3.7: the bot token goes only to allow-listed hosts, and the check comes before the token is even fetched.</summary>
public sealed class ServiceUrlTrustTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://SMBA.trafficmanager.net/teams/")]
    [InlineData("https://europe.botframework.com/")]
    [InlineData("https://a.b.botframework.com")]
    public void The_default_list_allows_the_Teams_connector_hosts(string serviceUrl) =>
        Assert.True(new ServiceUrlAllowList([], allowLoopback: false).Allows(new Uri(serviceUrl)));

    [Theory]
    [InlineData("http://smba.trafficmanager.net/teams/")] // the token never travels in clear text
    [InlineData("https://smba.trafficmanager.net.attacker.example/teams/")]
    [InlineData("https://attacker-smba.trafficmanager.net/teams/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://botframework.com.attacker.example/")]
    [InlineData("https://user@smba.trafficmanager.net/teams/")]
    [InlineData("https://graph.microsoft.com/v1.0/")]
    [InlineData("http://127.0.0.1:56150/_connector")] // loopback: local development only
    [InlineData("http://localhost:56150/_connector")]
    public void The_default_list_refuses_everything_else(string serviceUrl) =>
        Assert.False(new ServiceUrlAllowList([], allowLoopback: false).Allows(new Uri(serviceUrl)));

    [Fact]
    public void Loopback_is_allowed_only_when_local_development_allows_it()
    {
        var local = new ServiceUrlAllowList([], allowLoopback: true);

        Assert.True(local.Allows(new Uri("http://localhost:56150/_connector")));
        Assert.True(local.Allows(new Uri("http://127.0.0.1:56150/_connector")));
        Assert.False(local.Allows(new Uri("http://smba.trafficmanager.net/teams/")));
    }

    [Fact]
    public void A_configured_list_replaces_the_defaults()
    {
        var government = new ServiceUrlAllowList(["smba.infra.gcc.teams.microsoft.com"], allowLoopback: false);

        Assert.True(government.Allows(new Uri("https://smba.infra.gcc.teams.microsoft.com/teams/")));
        Assert.False(government.Allows(new Uri("https://smba.trafficmanager.net/teams/")));
    }

    [Fact]
    public async Task A_service_url_off_the_list_is_refused_before_any_token_or_request()
    {
        await using var harness = await ConnectorHarness.StartAsync(o => o.AllowUnauthenticatedLocalDevelopment = false);

        var send = await harness.Run(c => c.SendAsync(harness.Personal, new TextMessage("Hej"), default));
        var create = await harness.Run(c => c.CreatePersonalConversationAsync(
            new PersonalConversationRequest(harness.Connector.TeamsServiceUrl, "29:1Qx9owner", ConnectorHarness.TenantId), default));

        Assert.Equal(ConnectorFailure.UntrustedServiceUrl, Assert.IsType<ConnectorResult.Final>(send).Kind);
        Assert.Equal(ConnectorFailure.UntrustedServiceUrl, Assert.IsType<ConnectorResult.Final>(create).Kind);
        Assert.Empty(harness.Connector.Requests);
        Assert.Empty(harness.TokenEndpoint.Requests);
    }

    [Fact]
    public async Task The_playground_in_local_development_gets_no_token_at_all()
    {
        await using var harness = await ConnectorHarness.StartAsync(o => o.ClientSecret = null);

        var result = await harness.Run(c => c.SendAsync(new ConversationAddress(harness.Connector.PlaygroundServiceUrl, "a:1Zk3personal"), new TextMessage("Hej"), default));

        Assert.IsType<ConnectorResult.Ok>(result);
        Assert.Null(Assert.Single(harness.Connector.Requests).Authorization);
        Assert.Empty(harness.TokenEndpoint.Requests);
    }
}
