using Norddjurs.TeamsRisk.Bot.Outbound;

namespace Norddjurs.TeamsRisk.App.Hosting;

internal static class BotHosting
{
    /// <summary>
    /// The Teams sender (<c>Bot:*</c>, <c>Teams:*</c>) for the outbox's <c>teams.reply</c> and <c>teams.send</c> rows,
    /// replacing the logging stand-in. Call after <c>AddJobs</c>: the later registration for a kind wins.
    /// </summary>
    public static IServiceCollection AddTeamsSender(this IServiceCollection services)
    {
        TeamsSenderServiceCollectionExtensions.AddTeamsSender(services);
        foreach (var kind in TeamsOutboxSender.Kinds)
        {
            services.AddOutboxSender<TeamsOutboxSender>(kind);
        }

        return services;
    }
}
