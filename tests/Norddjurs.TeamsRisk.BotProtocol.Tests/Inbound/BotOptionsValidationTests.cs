using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Support;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Inbound;

/// <summary>Start-up rules for <c>Bot:*</c> (design.md §10, teams-bot-protocol.md §2.6): each failure names its key.</summary>
public sealed class BotOptionsValidationTests
{
    private static ValidateOptionsResult Validate(string environment, BotOptions options) =>
        new BotOptionsValidation(new HostingEnvironment { EnvironmentName = environment }).Validate(null, options);

    private static BotOptions Production() => new() { AppId = Payloads.BotAppId, TenantId = Payloads.TenantId, ClientSecret = "s" };

    [Fact]
    public void A_complete_production_configuration_is_accepted() =>
        Assert.True(Validate(Environments.Production, Production()).Succeeded);

    [Theory]
    [InlineData("secret")]
    [InlineData("certificate")]
    [InlineData("managed identity")]
    public void Any_one_outbound_credential_will_do(string credential)
    {
        var options = new BotOptions { AppId = Payloads.BotAppId, TenantId = Payloads.TenantId };
        switch (credential)
        {
            case "secret": options.ClientSecret = "s"; break;
            case "certificate": options.CertificatePath = "/certs/bot.pfx"; break;
            default: options.UseManagedIdentity = true; break;
        }

        Assert.True(Validate(Environments.Production, options).Succeeded);
    }

    [Fact]
    public void Production_names_every_missing_key()
    {
        var result = Validate(Environments.Production, new BotOptions());

        Assert.Contains(result.Failures!, f => f.StartsWith("Bot:AppId is missing", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Bot:ClientSecret, Bot:CertificatePath or Bot:UseManagedIdentity is missing", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Bot:TenantId is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Allowed_tenants_stand_in_for_the_tenant_id()
    {
        var options = Production();
        options.ClientSecret = null;
        options.UseManagedIdentity = true; // a secret would still need Bot:TenantId, for its token
        options.TenantId = null;
        options.AllowedTenantIds.Add(Payloads.TenantId);

        Assert.True(Validate(Environments.Production, options).Succeeded);
        Assert.Equal([Payloads.TenantId], options.ServedTenantIds);
    }

    [Fact]
    public void Two_outbound_credentials_are_ambiguous()
    {
        var options = Production();
        options.UseManagedIdentity = true;

        var failure = Assert.Single(Validate(Environments.Production, options).Failures!);

        Assert.Contains("Bot:ClientSecret, Bot:UseManagedIdentity", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_may_run_without_credentials()
    {
        Assert.True(Validate(Environments.Development, new BotOptions()).Succeeded);
        Assert.True(Validate(Environments.Development, new BotOptions { AllowUnauthenticatedLocalDevelopment = true }).Succeeded);
    }

    [Fact]
    public void The_switch_next_to_credentials_is_refused_even_in_Development()
    {
        var options = Production();
        options.AllowUnauthenticatedLocalDevelopment = true;

        var failure = Assert.Single(Validate(Environments.Development, options).Failures!);

        Assert.StartsWith("Bot:AllowUnauthenticatedLocalDevelopment cannot be combined with bot credentials", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_switch_outside_Development_is_refused()
    {
        var options = Production();
        options.AppId = null;
        options.ClientSecret = null;
        options.AllowUnauthenticatedLocalDevelopment = true;

        var result = Validate(Environments.Staging, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Bot:AllowUnauthenticatedLocalDevelopment is allowed only in Development, and the environment is Staging", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration", false)]
    [InlineData("http://127.0.0.1:5000/v1/.well-known/openidconfiguration", true)]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration", true)]
    public void Keys_come_over_https_or_from_this_machine(string url, bool accepted)
    {
        var options = Production();
        options.OpenIdMetadataUrl = new Uri(url);

        Assert.Equal(accepted, Validate(Environments.Production, options).Succeeded);
    }

    [Fact]
    public void The_metadata_url_defaults_to_the_Bot_Framework() =>
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", new BotOptions().OpenIdMetadataUrl.AbsoluteUri);

    [Fact]
    public async Task Settings_bind_from_the_Bot_section_including_the_tenant_list()
    {
        await using var issuer = await BotFrameworkTestIssuer.StartAsync();
        await using var host = await BotTestHost.StartAsync(issuer.MetadataUrl, settings: new Dictionary<string, string?>
        {
            ["Bot:AllowedTenantIds:0"] = "11111111-0000-4000-8000-000000000001",
            ["Bot:AllowedTenantIds:1"] = "22222222-0000-4000-8000-000000000002",
        });

        var options = ((IOptions<BotOptions>)host.Services.GetService(typeof(IOptions<BotOptions>))!).Value;

        Assert.Equal(Payloads.BotAppId, options.AppId);
        Assert.Equal(["11111111-0000-4000-8000-000000000001", "22222222-0000-4000-8000-000000000002"], options.ServedTenantIds);
        Assert.Equal(issuer.MetadataUrl, options.OpenIdMetadataUrl);
    }
}
