using Norddjurs.TeamsRisk.Bot.Committee;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot.Outbound;

/// <summary>
/// The outbox's Teams sender (design.md §5) for <see cref="OutboxKinds.TeamsReply"/> (a rendered bot reply),
/// <see cref="OutboxKinds.TeamsSend"/> (a notification rendered here for its recipient) and <see cref="OutboxKinds.TeamsUpdate"/>
/// (the committee's card replaced in place). The connector's answer becomes
/// the dispatcher's: delivered, retry later (with <c>Retry-After</c>) or failed with the reason.
/// </summary>
public sealed class TeamsOutboxSender : IOutboxSender
{
    /// <summary>The kinds this sender delivers; register it for each.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [OutboxKinds.TeamsReply, OutboxKinds.TeamsSend, OutboxKinds.TeamsUpdate];

    private readonly BotReplyDelivery _replies;
    private readonly NotificationDelivery _notifications;
    private readonly CommitteePosts _committee;

    internal TeamsOutboxSender(BotReplyDelivery replies, NotificationDelivery notifications, CommitteePosts committee)
    {
        _replies = replies;
        _notifications = notifications;
        _committee = committee;
    }

    public Task<DeliveryResult> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Message.Kind switch
        {
            OutboxKinds.TeamsReply => _replies.SendAsync(row, cancellationToken),
            OutboxKinds.TeamsSend => _notifications.SendAsync(row, cancellationToken),
            OutboxKinds.TeamsUpdate => _committee.UpdateAsync(row, cancellationToken),
            var kind => Task.FromResult<DeliveryResult>(new DeliveryResult.Failed($"the Teams sender does not deliver '{kind}' rows")),
        };
    }
}
