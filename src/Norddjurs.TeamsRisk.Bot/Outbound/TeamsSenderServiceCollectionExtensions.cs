using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.Bot.Conversations;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot.Outbound;

/// <summary>
/// Registers the Teams sender and what it needs: the connector client (<c>Bot:*</c>), <c>Teams:*</c> and the conversation
/// reference store. The store (<see cref="IDocumentStore"/>) comes from the host. The host then hands
/// <see cref="TeamsOutboxSender"/> to its dispatcher for each of <see cref="TeamsOutboxSender.Kinds"/>.
/// </summary>
public static class TeamsSenderServiceCollectionExtensions
{
    public static IServiceCollection AddTeamsSender(this IServiceCollection services)
    {
        services.AddBotConnector();
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section);
        services.TryAddSingleton(sp => new ConversationReferenceStore(sp.GetRequiredService<IDocumentStore>()));
        services.TryAddSingleton(sp => new TeamsOutboxSender(
            new BotReplyDelivery(sp.GetRequiredService<IConnectorClient>(), sp.GetRequiredService<ConversationReferenceStore>()),
            new NotificationDelivery(
                sp.GetRequiredService<IConnectorClient>(),
                sp.GetRequiredService<ConversationReferenceStore>(),
                new NotificationCards(sp.GetRequiredService<IDocumentStore>()),
                sp.GetRequiredService<IDocumentStore>(),
                sp.GetRequiredService<IOptions<TeamsOptions>>())));
        return services;
    }
}
