using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reach;

namespace Norddjurs.TeamsRisk.Graph.Reach;

/// <summary>
/// The mail fallback through Graph <c>sendMail</c> as <c>Mail:SenderUserId</c> (graph-sharepoint.md §8.4; <c>Mail.Send</c>,
/// scoped to that mailbox in Exchange). The person's UPN is their address (one domain for both in the municipality).
/// </summary>
public sealed class GraphMailSender(GraphServiceClient graph, MailOptions options) : IInvitationMailer
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.SenderUserId);

    public async Task<DeliveryResult> SendAsync(Notification notification, DirectoryUser recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(recipient);
        if (!IsConfigured)
        {
            return new DeliveryResult.Failed("Mail:SenderUserId is not set");
        }

        if (string.IsNullOrWhiteSpace(recipient.Upn))
        {
            return new DeliveryResult.Failed("the person has no mail address in the directory");
        }

        var mail = NotificationMail.Build(notification, NotificationMail.DeepLinkToBot(options.BotAppId));
        var body = new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = mail.Subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = mail.HtmlBody },
                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = recipient.Upn, Name = recipient.DisplayName } }],
            },
            SaveToSentItems = false,
        };
        try
        {
            await graph.Users[options.SenderUserId!.Trim()].SendMail.PostAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new DeliveryResult.Delivered();
        }
        catch (Exception e) when (GraphFailures.IsTransient(e) && !cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult.RetryLater(GraphFailures.RetryAfter(e), $"sending mail: {GraphFailures.Describe(e)}");
        }
        catch (ApiException e)
        {
            return new DeliveryResult.Failed($"sending mail: {GraphFailures.Describe(e)}");
        }
    }
}
