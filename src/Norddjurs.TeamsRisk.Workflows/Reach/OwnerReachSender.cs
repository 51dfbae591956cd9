using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Reach;

/// <summary>
/// Delivers a <c>teams.send</c> row to a person however they can be reached (issue 8 item 1): in the bot's 1:1 chat when
/// there is one; otherwise the app installs itself for them and the row answers "retry later", so it stays the first
/// of the person's rows until Teams' <c>installationUpdate</c> has given the bot the conversation — later messages to
/// them wait behind it and none is lost. Where installing is impossible, or the chat never appears, an invitation goes
/// by mail. What happened is stamped on the invitation's assessment for the coordinator. A refused SharePoint list edit
/// goes to its editor in the chat when there is one, else straight to mail. Rows to a role pass through.
/// </summary>
public sealed class OwnerReachSender(
    IOutboxSender teams,
    IPersonalChats chats,
    ITeamsAppInstaller installer,
    IInvitationMailer mailer,
    IDirectory directory,
    RecordInvitationReach reach) : IOutboxSender
{
    /// <summary>How long to wait between looks for the chat after installing (the service's Retry-After for the row).</summary>
    public static readonly TimeSpan ChatWait = TimeSpan.FromSeconds(15);

    /// <summary>Attempts of a row after which an installed app that never opened a chat counts as not reaching the person.</summary>
    public const int AttemptsBeforeMail = 4;

    /// <summary>
    /// The dispatcher's <c>Outbox:MaxAttempts</c>: the attempt after which a "retry later" becomes a dead letter. The
    /// invitation is then stamped not reached, so the coordinator's round status does not show it as pending forever.
    /// </summary>
    public int MaxAttempts { get; init; } = int.MaxValue;

    public async Task<DeliveryResult> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var notification = StoreJson.Deserialize<Notification>(row.Message.PayloadJson);
        if (notification.To.UserObjectId is not { Length: > 0 } user)
        {
            return await teams.SendAsync(row, cancellationToken).ConfigureAwait(false);
        }

        var assessmentId = notification.Template == NotificationTemplates.Invited ? notification.Data.GetValueOrDefault("assessmentId") : null;
        var result = await ReachAsync(row, notification, user, assessmentId, cancellationToken).ConfigureAwait(false);
        var attempt = row.Attempts + 1;
        return result is DeliveryResult.RetryLater gaveUp && assessmentId is not null && attempt >= MaxAttempts
            ? await StampedAsync(assessmentId, ReachChannel.NotReached, $"gave up after {attempt} attempts: {gaveUp.Reason}", result, cancellationToken).ConfigureAwait(false)
            : result;
    }

    private async Task<DeliveryResult> ReachAsync(OutboxRow row, Notification notification, string user, string? assessmentId, CancellationToken cancellationToken)
    {
        if (await chats.HasChatWithAsync(user, cancellationToken).ConfigureAwait(false))
        {
            var sent = await teams.SendAsync(row, cancellationToken).ConfigureAwait(false);
            return sent switch
            {
                DeliveryResult.Delivered => await StampedAsync(assessmentId, ReachChannel.Teams, null, sent, cancellationToken).ConfigureAwait(false),

                // Blocked or uninstalled since: the reference is marked, and mail is the way left.
                DeliveryResult.Failed failed when assessmentId is not null || notification.Template == NotificationTemplates.ListEditRefused =>
                    await MailAsync(notification, user, assessmentId, failed.Reason, cancellationToken).ConfigureAwait(false),
                _ => sent,
            };
        }

        if (notification.Template == NotificationTemplates.ListEditRefused)
        {
            // Someone who edited the SharePoint list need not use the app: no installing it for them, the notice goes by mail.
            return await MailAsync(notification, user, null, "the bot has no chat with the person", cancellationToken).ConfigureAwait(false);
        }

        if (row.Attempts + 1 >= AttemptsBeforeMail && assessmentId is not null)
        {
            return await MailAsync(notification, user, assessmentId, "the app was installed, but Teams opened no chat with the bot in time", cancellationToken).ConfigureAwait(false);
        }

        var installed = await installer.InstallForAsync(user, cancellationToken).ConfigureAwait(false);
        switch (installed)
        {
            case AppInstallResult.Installed:
                var waiting = new DeliveryResult.RetryLater(ChatWait, "the app was installed for the person; waiting for Teams to open the chat");
                return await StampedAsync(assessmentId, ReachChannel.Installing, null, waiting, cancellationToken).ConfigureAwait(false);
            case AppInstallResult.RetryLater later:
                return new DeliveryResult.RetryLater(later.RetryAfter, later.Reason);
            case AppInstallResult.Impossible impossible when assessmentId is not null:
                return await MailAsync(notification, user, assessmentId, impossible.Reason, cancellationToken).ConfigureAwait(false);
            case AppInstallResult.Impossible impossible:
                return new DeliveryResult.Failed($"no chat with the person and the app cannot be installed for them: {impossible.Reason}");
            default:
                throw new InvalidOperationException($"Unknown install result {installed}.");
        }
    }

    /// <param name="assessmentId">The invitation's assessment, stamped with how it went; null for other notices.</param>
    private async Task<DeliveryResult> MailAsync(Notification notification, string user, string? assessmentId, string whyNotTeams, CancellationToken cancellationToken)
    {
        if (!mailer.IsConfigured)
        {
            return await NotReachedAsync(assessmentId, $"Teams: {whyNotTeams}; mail: no sender mailbox is configured (Mail:SenderUserId)", cancellationToken).ConfigureAwait(false);
        }

        var person = await directory.FindUserAsync(user, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return await NotReachedAsync(assessmentId, $"Teams: {whyNotTeams}; mail: the person is not in the directory", cancellationToken).ConfigureAwait(false);
        }

        var mailed = await mailer.SendAsync(notification, person, cancellationToken).ConfigureAwait(false);
        return mailed switch
        {
            DeliveryResult.Delivered => await StampedAsync(assessmentId, ReachChannel.Mail, $"Teams: {whyNotTeams}", mailed, cancellationToken).ConfigureAwait(false),
            DeliveryResult.Failed failed => await NotReachedAsync(assessmentId, $"Teams: {whyNotTeams}; mail: {failed.Reason}", cancellationToken).ConfigureAwait(false),
            _ => mailed,
        };
    }

    private Task<DeliveryResult> NotReachedAsync(string? assessmentId, string reason, CancellationToken cancellationToken) =>
        StampedAsync(assessmentId, ReachChannel.NotReached, reason, new DeliveryResult.Failed(reason), cancellationToken);

    private async Task<DeliveryResult> StampedAsync(string? assessmentId, ReachChannel channel, string? reason, DeliveryResult result, CancellationToken cancellationToken)
    {
        if (assessmentId is not null)
        {
            await reach.RecordAsync(assessmentId, channel, reason, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
