namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// An outbound effect written with the change that causes it (design.md §5). <see cref="Kind"/> names the
/// delivery (<see cref="OutboxKinds"/>); messages with one <see cref="OrderingKey"/> (a conversation) are
/// delivered in commit order. <see cref="Id"/> is unique; the SharePoint store uses it as the OperationId.
/// </summary>
public sealed record OutboxMessage(string Id, string Kind, string OrderingKey, string PayloadJson, DateTimeOffset CreatedAt);

/// <summary>The deliveries the dispatcher knows.</summary>
public static class OutboxKinds
{
    /// <summary>A notification (Workflows' <c>Notification</c>) the Teams sender renders for its recipient.</summary>
    public const string TeamsSend = "teams.send";

    /// <summary>A reply already rendered by the bot (an activity and the conversation it goes to).</summary>
    public const string TeamsReply = "teams.reply";
    public const string TeamsUpdate = "teams.update";
    public const string Mail = "mail";
    public const string Install = "install";
}
