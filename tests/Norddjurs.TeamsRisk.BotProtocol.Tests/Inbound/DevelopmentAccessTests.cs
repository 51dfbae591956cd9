using System.Net;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Support;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Inbound;

/// <summary>The anonymous rule of teams-bot-protocol.md §2.6: Development, the switch, no credentials, loopback both ways.</summary>
public sealed class DevelopmentAccessTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private const string PlaygroundServiceUrl = "http://localhost:56150/_connector";

    private static readonly Dictionary<string, string?> AnonymousSettings = new()
    {
        ["Bot:AppId"] = null,
        ["Bot:ClientSecret"] = null,
        ["Bot:AllowUnauthenticatedLocalDevelopment"] = "true",
    };

    private BotFrameworkTestIssuer Issuer => fixture.Issuer;

    private static string PlaygroundMessage(string serviceUrl = PlaygroundServiceUrl)
    {
        var json = Payloads.Json("personal-message.json");
        json["serviceUrl"] = serviceUrl;
        json["from"]!["id"] = "user-id-0";
        json["recipient"]!["id"] = "bot";
        return json.ToJsonString();
    }

    [Fact]
    public async Task In_Development_with_the_switch_a_Playground_message_from_loopback_needs_no_token()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl, "Development", AnonymousSettings);

        using var response = await host.PostAsync(PlaygroundMessage(), bearerToken: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caller = Assert.Single(host.Handler.Calls).Context.Caller;
        Assert.True(caller.IsAnonymousDevelopment);
        Assert.Null(caller.AppId);
        Assert.Equal(Payloads.TenantId, caller.TenantId);
    }

    [Fact]
    public async Task In_Development_without_the_switch_a_token_is_still_required()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl, "Development", new Dictionary<string, string?>
        {
            ["Bot:AppId"] = null,
            ["Bot:ClientSecret"] = null,
        });

        using var response = await host.PostAsync(PlaygroundMessage(), bearerToken: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task The_switch_does_not_cover_a_serviceUrl_outside_this_machine()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl, "Development", AnonymousSettings);

        using var response = await host.PostAsync(PlaygroundMessage(Payloads.ServiceUrl), bearerToken: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task A_request_that_carries_a_token_is_still_validated()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl, "Development", AnonymousSettings);

        using var response = await host.PostAsync(PlaygroundMessage(), "not-a.valid.token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task The_tenant_gate_still_applies()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl, "Development", new Dictionary<string, string?>(AnonymousSettings)
        {
            ["Bot:TenantId"] = "11111111-0000-4000-8000-000000000001",
        });

        using var response = await host.PostAsync(PlaygroundMessage(), bearerToken: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Test")]
    public async Task Outside_Development_the_switch_refuses_to_start_naming_it(string environment)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotTestHost.StartAsync(Issuer.MetadataUrl, environment, new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticatedLocalDevelopment"] = "true",
        }));

        Assert.Contains("Bot:AllowUnauthenticatedLocalDevelopment is allowed only in Development", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_an_app_id_or_credential_refuses_to_start_naming_both()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotTestHost.StartAsync(Issuer.MetadataUrl, "Production", new Dictionary<string, string?>
        {
            ["Bot:AppId"] = null,
            ["Bot:ClientSecret"] = null,
        }));

        Assert.Contains("Bot:AppId is missing", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Bot:ClientSecret, Bot:CertificatePath or Bot:UseManagedIdentity is missing", failure.Message, StringComparison.Ordinal);
    }
}
