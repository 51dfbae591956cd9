using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Workflows.Reach;

/// <summary>
/// The mail fallback (graph-sharepoint.md §8.4): the notification as a mail, Danish first with English, with a deep
/// link to the bot, sent from the configured mailbox to the person. Answers like any outbox delivery.
/// </summary>
public interface IInvitationMailer
{
    /// <summary>False when no sender mailbox is configured: the fallback is off and the person cannot be reached by mail.</summary>
    bool IsConfigured { get; }

    Task<DeliveryResult> SendAsync(Notification notification, DirectoryUser recipient, CancellationToken cancellationToken);
}
