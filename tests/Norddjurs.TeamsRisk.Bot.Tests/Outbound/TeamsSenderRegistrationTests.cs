using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.Bot.Outbound;
using Norddjurs.TeamsRisk.BotProtocol;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot.Tests.Outbound;

/// <summary><c>AddTeamsSender</c> wires the sender to the host's store and use-case services and the <c>Bot</c> and <c>Teams</c> sections.</summary>
public sealed class TeamsSenderRegistrationTests : IDisposable
{
    private readonly SenderWorld _world = new();

    [Fact]
    public void The_sender_resolves_with_the_committee_channel_from_the_settings()
    {
        using var provider = Build(Environments.Development, new()
        {
            ["Bot:AllowUnauthenticatedLocalDevelopment"] = "true",
            ["Teams:CommitteeTeamId"] = SenderWorld.CommitteeTeam,
            ["Teams:CommitteeChannelId"] = SenderWorld.CommitteeChannel,
        });

        Assert.NotNull(provider.GetRequiredService<TeamsOutboxSender>());
        Assert.Equal(SenderWorld.CommitteeChannel, provider.GetRequiredService<IOptions<TeamsOptions>>().Value.CommitteeChannel);
    }

    [Fact]
    public void Outside_Development_a_missing_bot_key_is_named_at_start()
    {
        using var provider = Build(Environments.Production, new() { ["Bot:AppId"] = "7d2e5f10-0000-4000-8000-00000000b0b0", ["Bot:TenantId"] = SenderWorld.Tenant });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotOptions>>().Value);

        Assert.Contains("Bot:ClientSecret, Bot:CertificatePath or Bot:UseManagedIdentity is missing", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _world.Dispose();

    private ServiceProvider Build(string environment, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IHostEnvironment>(new Environment(environment));
        services.AddLogging();
        services.AddSingleton<IDocumentStore>(_world.Store);
        services.AddSingleton(new UseCaseServices(_world.Store, _world.Directory, new RoleResolver(_world.Directory, RoleGroups.None),
            new KnownMethodVersions(Examples.Method, Examples.Catalogue), _world.Time));
        services.AddTeamsSender();
        return services.BuildServiceProvider();
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Norddjurs.TeamsRisk.Bot.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
