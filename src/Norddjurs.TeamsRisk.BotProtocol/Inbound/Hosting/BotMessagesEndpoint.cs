using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

public static class BotMessagesEndpoint
{
    /// <summary>
    /// <c>POST {pattern}</c>: body limit (413), parse (400), authenticate per teams-bot-protocol.md §2.2 (401/403, the
    /// handler does not run), then <see cref="IActivityHandler"/> within its time budget. Needs
    /// <see cref="BotInboundServiceCollectionExtensions.AddBotInbound"/> and an <see cref="IActivityHandler"/> registration.
    /// </summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints
            .MapPost(pattern, (HttpContext http) => http.RequestServices.GetRequiredService<BotMessageProcessor>().ProcessAsync(http))
            // The Bot Connector's token is not a user token: this endpoint authenticates itself, whatever the app's fallback policy.
            .WithMetadata(new AllowAnonymousAttribute())
            .WithName("BotMessages");
    }
}
