namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// The Bot Connector REST API as Teams speaks it (teams-bot-protocol.md §3.3–§3.5). Every call checks the service URL
/// against the allow-list before a token is attached (§3.7), refuses messages over 28 KB as UTF-16 (§4.4), is paced
/// under the app's rate limit, retries quick transient errors a bounded number of times (§3.6) and answers a
/// <see cref="ConnectorResult"/> — it throws only when the caller cancels.
/// Addresses and requests must carry a service URL from an authenticated inbound activity (see <see cref="ConversationAddress"/>).
/// </summary>
public interface IConnectorClient
{
    /// <summary><c>POST /v3/conversations/{id}/activities</c>; in a channel thread id this replies in the thread.</summary>
    Task<ConnectorResult> SendAsync(ConversationAddress conversation, OutboundMessage message, CancellationToken cancellationToken);

    /// <summary><c>POST /v3/conversations/{id}/activities/{replyToId}</c> with <c>replyToId</c> set.</summary>
    Task<ConnectorResult> ReplyAsync(ConversationAddress conversation, string replyToId, OutboundMessage message, CancellationToken cancellationToken);

    /// <summary><c>PUT /v3/conversations/{id}/activities/{activityId}</c>: the complete new message; safe to repeat (design.md §5).</summary>
    Task<ConnectorResult> UpdateAsync(ConversationAddress conversation, string activityId, OutboundMessage message, CancellationToken cancellationToken);

    /// <summary><c>DELETE /v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Task<ConnectorResult> DeleteAsync(ConversationAddress conversation, string activityId, CancellationToken cancellationToken);

    /// <summary>A typing indicator (<c>{"type":"typing"}</c>); clients show it ~3 s — send at most one per ~3 s.</summary>
    Task<ConnectorResult> SendTypingAsync(ConversationAddress conversation, CancellationToken cancellationToken);

    /// <summary><c>POST /v3/conversations</c> for the 1:1 chat with a user; <see cref="ConnectorResult.Ok.Id"/> is its conversation id.</summary>
    Task<ConnectorResult> CreatePersonalConversationAsync(PersonalConversationRequest request, CancellationToken cancellationToken);

    /// <summary><c>POST /v3/conversations</c> for a new thread in a channel; answers the thread id and the root activity id.</summary>
    Task<ConnectorResult> CreateChannelThreadAsync(ChannelThreadRequest request, CancellationToken cancellationToken);
}
