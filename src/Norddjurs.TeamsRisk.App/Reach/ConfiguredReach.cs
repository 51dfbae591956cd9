using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Norddjurs.TeamsRisk.Graph.Reach;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reach;

namespace Norddjurs.TeamsRisk.App.Reach;

/// <summary>
/// The Graph installer and mailer, or <see cref="ReachNotConfigured"/> where their key is unset, chosen at first use: the
/// dispatcher is built before start-up validation runs, and reading the options there would report one bad setting
/// instead of all of them, naming each key.
/// </summary>
internal sealed class ConfiguredReach(IServiceProvider services) : ITeamsAppInstaller, IInvitationMailer
{
    private readonly Lazy<ITeamsAppInstaller> _installer = new(() =>
        services.GetRequiredService<IOptions<TeamsAppInstallOptions>>().Value is { AppCatalogId: { Length: > 0 } } teams
            ? new TeamsAppInstaller(services.GetRequiredService<GraphServiceClient>(), teams)
            : new ReachNotConfigured());

    private readonly Lazy<IInvitationMailer> _mailer = new(() =>
        services.GetRequiredService<IOptions<MailOptions>>().Value is { SenderUserId: { Length: > 0 } } mail
            ? new GraphMailSender(services.GetRequiredService<GraphServiceClient>(), mail)
            : new ReachNotConfigured());

    public bool IsConfigured => _mailer.Value.IsConfigured;

    public Task<AppInstallResult> InstallForAsync(string userObjectId, CancellationToken cancellationToken) =>
        _installer.Value.InstallForAsync(userObjectId, cancellationToken);

    public Task<DeliveryResult> SendAsync(Notification notification, DirectoryUser recipient, CancellationToken cancellationToken) =>
        _mailer.Value.SendAsync(notification, recipient, cancellationToken);
}
