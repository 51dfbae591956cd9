using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reach;

namespace Norddjurs.TeamsRisk.App.Reach;

/// <summary>Stands in when <c>Teams:AppCatalogId</c> or <c>Mail:SenderUserId</c> is unset (Development), so Graph is never built for them.</summary>
internal sealed class ReachNotConfigured : ITeamsAppInstaller, IInvitationMailer
{
    public bool IsConfigured => false;

    public Task<AppInstallResult> InstallForAsync(string userObjectId, CancellationToken cancellationToken) =>
        Task.FromResult<AppInstallResult>(new AppInstallResult.Impossible("Teams:AppCatalogId is not set, so the app cannot be installed for the person"));

    public Task<DeliveryResult> SendAsync(Notification notification, DirectoryUser recipient, CancellationToken cancellationToken) =>
        Task.FromResult<DeliveryResult>(new DeliveryResult.Failed("Mail:SenderUserId is not set"));
}
