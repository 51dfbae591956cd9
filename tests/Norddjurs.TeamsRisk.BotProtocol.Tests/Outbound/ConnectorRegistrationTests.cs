using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound;

/// <summary><c>AddBotConnector</c> binds the <c>Bot</c> section (design.md §10) and validates it.</summary>
public sealed class ConnectorRegistrationTests
{
    [Fact]
    public void The_Bot_section_configures_the_client_and_its_allow_list()
    {
        using var services = Build(Environments.Production, new()
        {
            ["Bot:AppId"] = "7d2e5f10-0000-4000-8000-00000000b0b0",
            ["Bot:TenantId"] = "4f1c2a9e-0000-4000-8000-0000000000aa",
            ["Bot:ClientSecret"] = "s3cret",
            ["Bot:ServiceUrlAllowList:0"] = "smba.infra.gcc.teams.microsoft.com",
        });

        Assert.IsType<ConnectorClient>(services.GetRequiredService<IConnectorClient>());
        Assert.IsType<ClientSecretTokenSource>(services.GetRequiredService<IBotTokenSource>());
        var allowList = services.GetRequiredService<ServiceUrlAllowList>();
        Assert.True(allowList.Allows(new Uri("https://smba.infra.gcc.teams.microsoft.com/teams/")));
        Assert.False(allowList.Allows(new Uri("http://localhost:56150/_connector")));
    }

    [Fact]
    public void Local_development_without_a_credential_talks_to_the_playground_anonymously()
    {
        using var services = Build(Environments.Development, new() { ["Bot:AllowUnauthenticatedLocalDevelopment"] = "true" });

        Assert.IsType<AnonymousDevelopmentTokenSource>(services.GetRequiredService<IBotTokenSource>());
        Assert.True(services.GetRequiredService<ServiceUrlAllowList>().Allows(new Uri("http://localhost:56150/_connector")));
    }

    [Fact]
    public void Production_without_a_credential_fails_naming_the_keys()
    {
        using var services = Build(Environments.Production, new() { ["Bot:AppId"] = "7d2e5f10-0000-4000-8000-00000000b0b0" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotOptions>>().Value);

        Assert.Contains("Bot:ClientSecret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inbound_and_outbound_share_one_bound_and_checked_Bot_section()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AllowedTenantIds:0"] = "4f1c2a9e-0000-4000-8000-0000000000aa",
        }).Build());
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(Environments.Production));
        services.AddLogging();
        services.AddBotInbound();
        services.AddBotConnector();
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IValidateOptions<BotOptions>>());
        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotOptions>>().Value);
        Assert.Contains(failure.Failures, f => f.StartsWith("Bot:AppId is missing", StringComparison.Ordinal));
        Assert.Single(failure.Failures, f => f.Contains("Bot:ClientSecret", StringComparison.Ordinal));
    }

    private static ServiceProvider Build(string environment, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(environment));
        services.AddBotConnector();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
