using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Hosting;
using Norddjurs.TeamsRisk.Bot.Conversations;
using Norddjurs.TeamsRisk.Bot.Outbound;
using Norddjurs.TeamsRisk.Graph.Reach;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reach;

namespace Norddjurs.TeamsRisk.App.Reach;

internal static class ReachHosting
{
    /// <summary>
    /// Reaching people (issue 8 item 1): <c>teams.send</c> rows go through <see cref="OwnerReachSender"/> — the bot's chat,
    /// else installing the app through Graph (<c>Teams:AppCatalogId</c>), else mail (<c>Mail:SenderUserId</c>) — wrapping
    /// the Teams sender; and the outbox read as a log. Call after <c>AddTeamsSender</c>: the later registration for a kind wins.
    /// </summary>
    public static IServiceCollection AddOwnerReach(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGraphClient();
        services.AddOptions<TeamsAppInstallOptions>().BindConfiguration(TeamsAppInstallOptions.Section);
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section)
            .Configure(options => options.BotAppId ??= configuration["Bot:AppId"])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, ReachOptionsValidation>();

        services.AddSingleton<IPersonalChats>(sp => new PersonalChats(sp.GetRequiredService<ConversationReferenceStore>()));
        services.AddSingleton(sp => new ConfiguredReach(sp));
        services.AddSingleton<ITeamsAppInstaller>(sp => sp.GetRequiredService<ConfiguredReach>());
        services.AddSingleton<IInvitationMailer>(sp => sp.GetRequiredService<ConfiguredReach>());
        services.AddSingleton(sp => new RecordInvitationReach(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new OwnerReachSender(
            sp.GetRequiredService<TeamsOutboxSender>(),
            sp.GetRequiredService<IPersonalChats>(),
            sp.GetRequiredService<ITeamsAppInstaller>(),
            sp.GetRequiredService<IInvitationMailer>(),
            sp.GetRequiredService<UseCaseServices>().Directory,
            sp.GetRequiredService<RecordInvitationReach>())
        {
            MaxAttempts = sp.GetRequiredService<IOptions<Jobs.Outbox.OutboxOptions>>().Value.MaxAttempts,
        });
        services.AddOutboxSender<OwnerReachSender>(OutboxKinds.TeamsSend);

        services.AddSingleton<Workflows.Outbox.DeliveryLog>();
        services.AddSingleton<Workflows.Queries.RoundStatusQuery>();
        return services;
    }
}
