using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.Bot.Committee;
using Norddjurs.TeamsRisk.Bot.Conversations;
using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Outbound;

/// <summary>
/// Delivers a <c>teams.send</c> row (a Workflows <see cref="Notification"/>): to a person in their 1:1 chat with the bot,
/// in their language; to the committee as a new thread in its channel, in Danish (teams-bot-protocol.md §5.4) — a
/// submission as the committee's card (<see cref="CommitteePosts"/>). Without a
/// stored reference there is nowhere to send: the row fails with the reason, for the coordinator's dead-letter list.
/// </summary>
internal sealed class NotificationDelivery(
    IConnectorClient connector,
    ConversationReferenceStore references,
    NotificationCards cards,
    IDocumentStore store,
    IOptions<TeamsOptions> teams,
    CommitteePosts committee,
    RoleRecipients? roleRecipients = null)
{
    public const string CommitteeRole = "committee";

    public async Task<DeliveryResult> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var notification = StoreJson.Deserialize<Notification>(row.Message.PayloadJson);
        return notification.To switch
        {
            { UserObjectId: { Length: > 0 } user } => await ToUserAsync(notification, user, cancellationToken).ConfigureAwait(false),
            { Role: CommitteeRole } => await ToCommitteeAsync(notification, cancellationToken).ConfigureAwait(false),
            { Role: { } role } when roleRecipients is not null && RoleRecipients.Resolves(role) => await ToRoleAsync(notification, role, cancellationToken).ConfigureAwait(false),
            { Role: { } role } => new DeliveryResult.Failed($"notifications to the role '{role}' are not sent in Teams yet: each member's personal chat is still to be resolved (issue 8)"),
            _ => new DeliveryResult.Failed("the notification names neither a person nor a role"),
        };
    }

    private async Task<DeliveryResult> ToUserAsync(Notification notification, string userObjectId, CancellationToken cancellationToken)
    {
        var reference = await references.FindPersonalAsync(userObjectId, cancellationToken).ConfigureAwait(false);
        if (reference is null)
        {
            return new DeliveryResult.Failed($"no conversation reference for user {userObjectId}: the app is not installed for them, or they blocked it");
        }

        if (!Uri.TryCreate(reference.ServiceUrl, UriKind.Absolute, out var serviceUrl))
        {
            return new DeliveryResult.Failed($"the stored service URL of user {userObjectId} is not an absolute URL");
        }

        var language = await RecipientLanguage.OfAsync(store, userObjectId, cancellationToken).ConfigureAwait(false);
        var card = await cards.BuildAsync(notification, language, cancellationToken).ConfigureAwait(false);
        var message = new CardMessage(card) { Locale = RecipientLanguage.LocaleOf(language), AlertInActivityFeed = true };
        var result = await connector.SendAsync(new ConversationAddress(serviceUrl, reference.ConversationId, reference.BotId), message, cancellationToken).ConfigureAwait(false);
        return await AnswerAsync(result, reference, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Each holder of the role the bot can reach, in their own chat. Delivered when one was reached; a retry after a
    /// transient failure may repeat the card to the others, which is harmless for a card that shows the current state.
    /// </summary>
    private async Task<DeliveryResult> ToRoleAsync(Notification notification, string role, CancellationToken cancellationToken)
    {
        var holders = await roleRecipients!.ObjectIdsAsync(role, cancellationToken).ConfigureAwait(false);
        if (holders.Count == 0)
        {
            return new DeliveryResult.Failed($"no one holding the role '{role}' has a conversation with the bot yet");
        }

        var results = new List<DeliveryResult>();
        foreach (var holder in holders)
        {
            results.Add(await ToUserAsync(notification, holder, cancellationToken).ConfigureAwait(false));
        }

        return results.FirstOrDefault(r => r is DeliveryResult.Delivered) ?? results.FirstOrDefault(r => r is DeliveryResult.RetryLater) ?? results[0];
    }

    private async Task<DeliveryResult> ToCommitteeAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (teams.Value.CommitteeChannel is not { } channelId)
        {
            return new DeliveryResult.Failed("the committee's channel is not configured: set Teams:CommitteeChannelId (or Teams:CommitteeTeamId)");
        }

        var reference = await references.FindChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
        if (reference is null)
        {
            return new DeliveryResult.Failed($"no conversation reference for the committee channel {channelId}: install the app in the committee's team");
        }

        if (!Uri.TryCreate(reference.ServiceUrl, UriKind.Absolute, out var serviceUrl) || reference.TenantId is not { Length: > 0 } tenantId)
        {
            return new DeliveryResult.Failed($"the stored reference of the committee channel {channelId} lacks a service URL or a tenant");
        }

        // A submission gets the committee's own card, kept so a decision can update it; other notices a plain one.
        var result = await committee.PostAsync(notification, reference with { ChannelId = channelId }, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            var card = await cards.BuildAsync(notification, Language.Danish, cancellationToken).ConfigureAwait(false);
            var message = new CardMessage(card) { Locale = RecipientLanguage.LocaleOf(Language.Danish) };
            result = await connector.CreateChannelThreadAsync(new ChannelThreadRequest(serviceUrl, channelId, tenantId, message, reference.BotId), cancellationToken).ConfigureAwait(false);
        }

        return await AnswerAsync(result, reference, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DeliveryResult> AnswerAsync(ConnectorResult result, ConversationReference reference, CancellationToken cancellationToken)
    {
        if (DeliveryAnswers.StatusAfter(result, conversationIsTheTarget: true) is { } status)
        {
            await references.MarkAsync(reference.ConversationId, status, cancellationToken).ConfigureAwait(false);
        }

        return DeliveryAnswers.From(result);
    }
}
