using Norddjurs.TeamsRisk.Bot;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;

namespace Norddjurs.TeamsRisk.App.Hosting;

internal static class ConversationHosting
{
    /// <summary>
    /// The bot: <c>/api/messages</c> with Bot Framework token validation (<c>Bot:*</c>, checked at start-up), the
    /// connector client for replies, and the conversation. Call after <c>AddStoreAndUseCases</c> and <c>AddApi</c>.
    /// </summary>
    public static IServiceCollection AddBot(this IServiceCollection services) =>
        services.AddBotInbound().AddBotConnector().AddBotConversation();

    public static IEndpointConventionBuilder MapBot(this IEndpointRouteBuilder endpoints) => endpoints.MapBotMessages("/api/messages");
}
