using Norddjurs.TeamsRisk.BotProtocol.Outbound;

namespace Norddjurs.TeamsRisk.Bot.Tests.Outbound;

/// <summary>One connector call as the sender made it.</summary>
internal sealed record ConnectorCall(string Operation, Uri ServiceUrl, string Conversation, OutboundMessage Message, string? ReplyToId = null, string? TenantId = null, string? ActivityId = null);

/// <summary>Stands in for the Bot Connector (Microsoft's cloud): records each call and answers what the test scripted, else Ok.</summary>
internal sealed class RecordingConnector : IConnectorClient
{
    private readonly Queue<ConnectorResult> _answers = new();

    public List<ConnectorCall> Calls { get; } = [];

    public void AnswerNext(ConnectorResult answer) => _answers.Enqueue(answer);

    public Task<ConnectorResult> SendAsync(ConversationAddress conversation, OutboundMessage message, CancellationToken cancellationToken) =>
        Record(new ConnectorCall("send", conversation.ServiceUrl, conversation.ConversationId, message), "1771504120400");

    public Task<ConnectorResult> ReplyAsync(ConversationAddress conversation, string replyToId, OutboundMessage message, CancellationToken cancellationToken) =>
        Record(new ConnectorCall("reply", conversation.ServiceUrl, conversation.ConversationId, message, replyToId), "1771504120401");

    public const string RootActivityId = "1776390257332";

    /// <summary>Answers as Teams does (§3.5): the thread's conversation id and the root post's activity id.</summary>
    public Task<ConnectorResult> CreateChannelThreadAsync(ChannelThreadRequest request, CancellationToken cancellationToken) =>
        Record(new ConnectorCall("create-thread", request.ServiceUrl, request.ChannelId, request.FirstMessage, TenantId: request.TenantId), request.ChannelId + ";messageid=" + RootActivityId, RootActivityId);

    public Task<ConnectorResult> CreatePersonalConversationAsync(PersonalConversationRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The sender never opens a 1:1 chat: it sends only where a reference exists.");

    public Task<ConnectorResult> UpdateAsync(ConversationAddress conversation, string activityId, OutboundMessage message, CancellationToken cancellationToken) =>
        Record(new ConnectorCall("update", conversation.ServiceUrl, conversation.ConversationId, message, ActivityId: activityId), activityId);

    public Task<ConnectorResult> DeleteAsync(ConversationAddress conversation, string activityId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Not used by the sender.");

    public Task<ConnectorResult> SendTypingAsync(ConversationAddress conversation, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Not used by the sender.");

    private Task<ConnectorResult> Record(ConnectorCall call, string id, string? activityId = null)
    {
        Calls.Add(call);
        return Task.FromResult(_answers.TryDequeue(out var answer) ? answer : new ConnectorResult.Ok(id, activityId));
    }
}
