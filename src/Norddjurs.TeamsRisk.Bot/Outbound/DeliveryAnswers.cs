using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot.Outbound;

/// <summary>The connector's answer as the outbox needs it (teams-bot-protocol.md §3.6), and what it says about the conversation.</summary>
internal static class DeliveryAnswers
{
    public static DeliveryResult From(ConnectorResult result) => result switch
    {
        ConnectorResult.Ok => new DeliveryResult.Delivered(),
        // Only the service's Retry-After overrides the outbox's backoff; the connector's in-call delay would retry an outage too soon.
        ConnectorResult.Transient transient => new DeliveryResult.RetryLater(transient.AskedByService ? transient.RetryAfter : null, transient.Reason),
        ConnectorResult.Final final => new DeliveryResult.Failed($"{final.Kind}: {final.Reason}"),
        _ => throw new InvalidOperationException($"Unknown connector result {result.GetType().Name}."),
    };

    /// <summary>
    /// Blocked (403 ConversationBlockedByUser, MessageWritesBlocked, BotDisabledByAdmin) or gone (404, not in the roster):
    /// the reference is no longer good for sending until the user or team talks to the bot again (§5.1). Null otherwise.
    /// </summary>
    public static ConversationReferenceStatus? StatusAfter(ConnectorResult result, bool conversationIsTheTarget) => result switch
    {
        ConnectorResult.Final { Kind: ConnectorFailure.Blocked } => ConversationReferenceStatus.Blocked,
        ConnectorResult.Final { Kind: ConnectorFailure.NotInstalled } => ConversationReferenceStatus.Uninstalled,

        // A 404 on a reply may mean only that the activity replied to is gone, not the conversation.
        ConnectorResult.Final { Kind: ConnectorFailure.NotFound } when conversationIsTheTarget => ConversationReferenceStatus.Uninstalled,
        _ => null,
    };
}
