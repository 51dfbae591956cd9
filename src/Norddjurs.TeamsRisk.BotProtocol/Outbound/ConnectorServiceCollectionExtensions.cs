using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>Registers <see cref="IConnectorClient"/> and its parts; the settings are the <c>Bot</c> section, validated at start-up.</summary>
public static class ConnectorServiceCollectionExtensions
{
    public const string TokenHttpClientName = "BotProtocol.Token";

    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddBotOptions();

        services.AddSingleton(sp => ServiceUrlAllowList.From(Options(sp)));
        services.AddSingleton(sp => new SendPacer(Options(sp).MaxRequestsPerSecond, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(RetryBackoff.Shared);

        services.AddHttpClient(TokenHttpClientName).ConfigurePrimaryHttpMessageHandler(NoRedirects);
        services.AddSingleton(sp => BotTokenSources.Create(
            Options(sp), sp.GetRequiredService<IHttpClientFactory>().CreateClient(TokenHttpClientName), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IBotTokenProvider>(sp => new BotTokenCache(sp.GetRequiredService<IBotTokenSource>(), sp.GetRequiredService<TimeProvider>()));

        services.AddHttpClient<IConnectorClient, ConnectorClient>().ConfigurePrimaryHttpMessageHandler(NoRedirects);
        return services;
    }

    /// <summary>A redirect would carry the request (and its token) to a host the allow-list never saw; pooled connections
    /// are recycled because the token source keeps its client for the process's life.</summary>
    private static SocketsHttpHandler NoRedirects() => new() { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    private static BotOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<BotOptions>>().Value;
}
