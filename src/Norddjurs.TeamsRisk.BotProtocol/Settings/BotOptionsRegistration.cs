using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.BotProtocol;

/// <summary>Binds <c>Bot:*</c> once and validates it at start-up, however many of <c>AddBotInbound</c> and <c>AddBotConnector</c> are called.</summary>
internal static class BotOptionsRegistration
{
    public static IServiceCollection AddBotOptions(this IServiceCollection services)
    {
        // A second BindConfiguration would add the list settings (Bot:AllowedTenantIds, …) twice.
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<BotOptions>) && d.ImplementationType == typeof(BotOptionsValidation)))
        {
            return services;
        }

        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidation>());
        return services;
    }
}
