using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.Bot.Conversations;
using Norddjurs.TeamsRisk.Bot.Outbound;
using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Committee;

/// <summary>
/// The committee card's life in the channel (teams-bot-protocol.md §3.5, §5.4): a submission is posted as a new thread and
/// the thread's ids are kept on the assessment (<see cref="RecordCommitteePost"/>); a <c>teams.update</c> row replaces that
/// post with the card as it is now (PUT, safe to repeat, design.md §5).
/// </summary>
internal sealed class CommitteePosts(
    IConnectorClient connector,
    ConversationReferenceStore references,
    CommitteeCards cards,
    RecordCommitteePost record,
    TimeProvider time,
    IOptions<TeamsOptions> teams)
{
    /// <summary>Posts the submission's card as a new thread; null when the notification is not about a submission this bot can show.</summary>
    public async Task<ConnectorResult?> PostAsync(Notification notification, ConversationReference channel, CancellationToken cancellationToken)
    {
        if (notification.Template != NotificationTemplates.Submitted
            || !notification.Data.TryGetValue("assessmentId", out var assessmentId)
            || await cards.LoadAsync(assessmentId, cancellationToken).ConfigureAwait(false) is not { } subject
            || !Uri.TryCreate(channel.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || channel.TenantId is not { Length: > 0 } tenantId)
        {
            return null;
        }

        var card = await cards.SharedAsync(subject, cancellationToken).ConfigureAwait(false);
        var message = new CardMessage(card) { Locale = RecipientLanguage.LocaleOf(Language.Danish) };
        var result = await connector.CreateChannelThreadAsync(new ChannelThreadRequest(serviceUrl, channel.ChannelId ?? channel.ConversationId, tenantId, message, channel.BotId), cancellationToken).ConfigureAwait(false);
        if (result is ConnectorResult.Ok { Id: { Length: > 0 } threadId, ActivityId: { Length: > 0 } activityId })
        {
            // Delivered whatever happens here: a post whose ids are not kept is only a card that will not update.
            var snapshotId = notification.Data.GetValueOrDefault("snapshotId") ?? subject.Value.SnapshotId;
            await record.HandleAsync(assessmentId, new CommitteePost(threadId, activityId, snapshotId, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Replaces the stored post with the card as it is now, for everyone.</summary>
    public async Task<DeliveryResult> UpdateAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var notification = StoreJson.Deserialize<Notification>(row.Message.PayloadJson);
        if (notification.Template != NotificationTemplates.CommitteeCard || !notification.Data.TryGetValue("assessmentId", out var assessmentId))
        {
            return new DeliveryResult.Failed($"the Teams sender updates only committee cards, not '{notification.Template}'");
        }

        var subject = await cards.LoadAsync(assessmentId, cancellationToken).ConfigureAwait(false);
        if (subject?.Value.CommitteePost is not { } post)
        {
            return new DeliveryResult.Failed($"no committee post is recorded for assessment {assessmentId}: its card was never posted, or posted before its ids were kept");
        }

        if (teams.Value.CommitteeChannel is not { } channelId
            || await references.FindChannelAsync(channelId, cancellationToken).ConfigureAwait(false) is not { } channel
            || !Uri.TryCreate(channel.ServiceUrl, UriKind.Absolute, out var serviceUrl))
        {
            return new DeliveryResult.Failed("no usable conversation reference for the committee channel: install the app in the committee's team");
        }

        var card = await cards.SharedAsync(subject, cancellationToken).ConfigureAwait(false);
        var message = new CardMessage(card) { Locale = RecipientLanguage.LocaleOf(Language.Danish) };
        var result = await connector.UpdateAsync(new ConversationAddress(serviceUrl, post.ConversationId, channel.BotId), post.ActivityId, message, cancellationToken).ConfigureAwait(false);
        return DeliveryAnswers.From(result);
    }
}
