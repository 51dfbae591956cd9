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
    public const string TeamsSend = "teams.send";
    public const string TeamsUpdate = "teams.update";
    public const string Mail = "mail";
    public const string Install = "install";
}
