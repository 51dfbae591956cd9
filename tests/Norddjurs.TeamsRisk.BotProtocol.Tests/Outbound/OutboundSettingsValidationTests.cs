using Microsoft.Extensions.Hosting;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound;

/// <summary>The outbound half of the one <c>Bot:*</c> check: start-up fails naming the key (house rule 9).</summary>
public sealed class OutboundSettingsValidationTests
{
    [Fact]
    public void A_secret_with_app_and_tenant_is_valid_in_production() =>
        Assert.True(Validate(Environments.Production, o => o.ClientSecret = "s").Succeeded);

    [Fact]
    public void A_managed_identity_needs_no_tenant_for_its_token_only_the_tenants_served() =>
        Assert.True(Validate(Environments.Production, o => { o.UseManagedIdentity = true; o.TenantId = null; o.AllowedTenantIds.Add("4f1c2a9e-0000-4000-8000-0000000000aa"); }).Succeeded);

    [Fact]
    public void A_secret_in_Development_still_needs_its_app_id_and_tenant()
    {
        var failures = Validate(Environments.Development, o => { o.ClientSecret = "s"; o.AppId = null; o.TenantId = null; }).Failures!;
        Assert.Contains(failures, f => f.StartsWith("Bot:AppId is missing", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Bot:TenantId is missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Bot:ClientSecret, Bot:CertificatePath or Bot:UseManagedIdentity")]
    public void Production_without_a_credential_fails_naming_the_keys(string named) =>
        Assert.Contains(named, Validate(Environments.Production, _ => { }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Two_credentials_at_once_are_refused() =>
        Assert.Contains("Only one", Validate(Environments.Production, o => { o.ClientSecret = "s"; o.UseManagedIdentity = true; }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void The_local_development_switch_is_refused_outside_Development()
    {
        Assert.Contains("allowed only in Development", Validate(Environments.Production, o => { o.ClientSecret = "s"; o.AllowUnauthenticatedLocalDevelopment = true; }).FailureMessage, StringComparison.Ordinal);
        Assert.True(Validate(Environments.Development, o => { o.AppId = null; o.AllowUnauthenticatedLocalDevelopment = true; }).Succeeded);
    }

    [Fact]
    public void A_secret_without_a_tenant_fails_naming_Bot_TenantId() =>
        Assert.Contains("Bot:TenantId", Validate(Environments.Production, o => { o.ClientSecret = "s"; o.TenantId = null; }).FailureMessage, StringComparison.Ordinal);

    [Theory]
    [InlineData("https://smba.trafficmanager.net/")]
    [InlineData("smba.trafficmanager.net:443")]
    [InlineData("*")]
    [InlineData("localhost")]
    public void An_allow_list_entry_must_be_a_host_or_a_wildcard_suffix(string entry) =>
        Assert.Contains("Bot:ServiceUrlAllowList", Validate(Environments.Production, o => { o.ClientSecret = "s"; o.ServiceUrlAllowList.Add(entry); }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void A_token_endpoint_over_http_is_allowed_only_on_loopback()
    {
        Assert.False(Validate(Environments.Production, o => { o.ClientSecret = "s"; o.TokenEndpointBase = new Uri("http://login.example.com/"); }).Succeeded);
        Assert.True(Validate(Environments.Production, o => { o.ClientSecret = "s"; o.TokenEndpointBase = new Uri("http://127.0.0.1:5001/"); }).Succeeded);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string environment, Action<BotOptions> configure)
    {
        var options = new BotOptions { AppId = "7d2e5f10-0000-4000-8000-00000000b0b0", TenantId = "4f1c2a9e-0000-4000-8000-0000000000aa" };
        configure(options);
        return new BotOptionsValidation(new TestHostEnvironment(environment)).Validate(null, options);
    }
}
