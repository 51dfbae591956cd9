using Norddjurs.TeamsRisk.Bot.Conversations;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Outbound;

/// <summary>
/// Delivers a <c>teams.reply</c> row: the rendered activity to the conversation it answers, as a reply when
/// <see cref="BotReply.ReplyToId"/> is set. The reference came from an authenticated activity (§3.7).
/// </summary>
internal sealed class BotReplyDelivery(IConnectorClient connector, ConversationReferenceStore references)
{
    public async Task<DeliveryResult> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var reply = StoreJson.Deserialize<BotReply>(row.Message.PayloadJson);
        if (ReplyMessages.From(reply.Activity) is not { } message)
        {
            return new DeliveryResult.Failed("the reply activity has neither an Adaptive Card nor a text");
        }

        if (!Uri.TryCreate(reply.Conversation.ServiceUrl, UriKind.Absolute, out var serviceUrl))
        {
            return new DeliveryResult.Failed($"the reply's service URL '{reply.Conversation.ServiceUrl}' is not an absolute URL");
        }

        var address = new ConversationAddress(serviceUrl, reply.Conversation.ConversationId, reply.Conversation.BotId);
        var result = reply.ReplyToId is { Length: > 0 } replyToId
            ? await connector.ReplyAsync(address, replyToId, message, cancellationToken).ConfigureAwait(false)
            : await connector.SendAsync(address, message, cancellationToken).ConfigureAwait(false);

        if (DeliveryAnswers.StatusAfter(result, conversationIsTheTarget: reply.ReplyToId is null) is { } status)
        {
            await references.MarkAsync(reply.Conversation.ConversationId, status, cancellationToken).ConfigureAwait(false);
        }

        return DeliveryAnswers.From(result);
    }
}
