using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Norddjurs.TeamsRisk.Bot.Committee;
using Norddjurs.TeamsRisk.Bot.Conversation;
using Norddjurs.TeamsRisk.Bot.Outbound;
using Norddjurs.TeamsRisk.Bot.Rendering;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// The conversation as the protocol's <see cref="IActivityHandler"/>, with its renderers. Needs the store, the use
    /// cases (the owner's, the committee's and the escalation decision) and <c>AssessmentQueries</c> registered, and <c>AddBotInbound</c> for the endpoint.
    /// </summary>
    public static IServiceCollection AddBotConversation(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new UserPreferences(sp.GetRequiredService<IDocumentStore>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<StepCardRenderer>();
        services.TryAddSingleton<StepInputReader>();
        services.TryAddSingleton<AssessmentCards>();
        services.TryAddSingleton<AssessmentList>();
        services.TryAddSingleton<RoundNames>();
        services.TryAddSingleton<CommitteeAudience>();
        services.TryAddSingleton<CommitteeCards>();
        services.TryAddSingleton<CommitteeCardRouter>();
        services.TryAddSingleton<Escalation.EscalationCards>();
        services.TryAddSingleton<Escalation.EscalationCardRouter>();
        services.AddOptions<TeamsOptions>();
        services.TryAddSingleton<CardActionRouter>();
        services.TryAddSingleton<Replies>();
        services.TryAddSingleton(sp => new Bot.Conversations.ConversationReferenceStore(sp.GetRequiredService<IDocumentStore>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IActivityHandler, BotConversation>();
        return services;
    }
}
