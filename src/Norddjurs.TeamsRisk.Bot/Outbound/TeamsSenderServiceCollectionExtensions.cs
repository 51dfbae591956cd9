using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.Bot.Committee;
using Norddjurs.TeamsRisk.Bot.Conversations;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reviewing;

namespace Norddjurs.TeamsRisk.Bot.Outbound;

/// <summary>
/// Registers the Teams sender and what it needs: the connector client (<c>Bot:*</c>), <c>Teams:*</c> and the conversation
/// reference store. The store (<see cref="IDocumentStore"/>) and <see cref="UseCaseServices"/> (for the committee's card) come from the host. The host then hands
/// <see cref="TeamsOutboxSender"/> to its dispatcher for each of <see cref="TeamsOutboxSender.Kinds"/>.
/// </summary>
public static class TeamsSenderServiceCollectionExtensions
{
    public static IServiceCollection AddTeamsSender(this IServiceCollection services)
    {
        services.AddBotConnector();
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section);
        services.TryAddSingleton(sp => new ConversationReferenceStore(sp.GetRequiredService<IDocumentStore>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var committee = CommitteePostsOf(sp);
            return new TeamsOutboxSender(
                new BotReplyDelivery(sp.GetRequiredService<IConnectorClient>(), sp.GetRequiredService<ConversationReferenceStore>()),
                new NotificationDelivery(
                    sp.GetRequiredService<IConnectorClient>(),
                    sp.GetRequiredService<ConversationReferenceStore>(),
                    new NotificationCards(sp.GetRequiredService<IDocumentStore>(), new Escalation.EscalationCards(sp.GetRequiredService<UseCaseServices>())),
                    sp.GetRequiredService<IDocumentStore>(),
                    sp.GetRequiredService<IOptions<TeamsOptions>>(),
                    committee,
                    new RoleRecipients(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<UseCaseServices>().Roles)),
                committee);
        });
        return services;
    }

    /// <summary>Needs the use cases' services (<see cref="UseCaseServices"/>) from the host, as the conversation does.</summary>
    private static CommitteePosts CommitteePostsOf(IServiceProvider sp)
    {
        var services = sp.GetRequiredService<UseCaseServices>();
        return new CommitteePosts(
            sp.GetRequiredService<IConnectorClient>(),
            sp.GetRequiredService<ConversationReferenceStore>(),
            new CommitteeCards(services, new CommitteeAudience(sp.GetRequiredService<IDocumentStore>(), services.Roles)),
            new RecordCommitteePost(sp.GetRequiredService<IDocumentStore>()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<TeamsOptions>>());
    }
}
