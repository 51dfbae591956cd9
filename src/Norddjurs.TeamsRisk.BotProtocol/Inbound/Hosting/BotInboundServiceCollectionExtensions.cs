using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

public static class BotInboundServiceCollectionExtensions
{
    /// <summary>Named HTTP client for the OpenID metadata and JWKS.</summary>
    public const string SigningKeysHttpClient = "BotFrameworkSigningKeys";

    /// <summary>
    /// <c>Bot:*</c> bound and validated at start-up, the signing-key cache, the authenticator and the endpoint's
    /// processor. The caller registers its <see cref="IActivityHandler"/>.
    /// </summary>
    public static IServiceCollection AddBotInbound(this IServiceCollection services)
    {
        services.AddBotOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SigningKeysHttpClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton(sp => new BotSigningKeySource(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(SigningKeysHttpClient),
            sp.GetRequiredService<IOptions<BotOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<BotSigningKeySource>>()));
        services.TryAddSingleton<BotRequestAuthenticator>();
        services.TryAddSingleton<BotMessageProcessor>();
        return services;
    }
}
