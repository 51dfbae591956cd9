using Norddjurs.TeamsRisk.Core.Audit;

namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// One change and its consequences, applied all or nothing (design.md §2.3): document writes, the audit intents
/// that record it (§6) and the messages it sends (§5). The idempotency key (bot: conversation id + activity id;
/// tab/API: the client's request id) makes a retry apply nothing and answer with the first change's
/// <see cref="ResultJson"/> (§2.2).
/// </summary>
public sealed record StoreChange(
    string IdempotencyKey,
    IReadOnlyList<DocumentWrite> Writes,
    IReadOnlyList<AuditIntent> AuditIntents,
    IReadOnlyList<OutboxMessage> Outbox,
    string? ResultJson)
{
    /// <summary>
    /// Throws for a malformed change (empty key or id, unknown kind, undeclared index, a message without id or
    /// ordering key): a programming error, not a user's, refused before a store is touched, so neither store ever
    /// holds what the other could not.
    /// </summary>
    public void EnsureWellFormed()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(IdempotencyKey);
        foreach (var write in Writes)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(write.Id, nameof(Writes));
            ArgumentNullException.ThrowIfNull(write.Json, nameof(Writes));
            DocumentKinds.EnsureIndexNames(write.Kind, write.Index.Keys);
        }

        foreach (var message in Outbox)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(message.Id, nameof(Outbox));
            ArgumentException.ThrowIfNullOrWhiteSpace(message.OrderingKey, nameof(Outbox));
            ArgumentException.ThrowIfNullOrWhiteSpace(message.Kind, nameof(Outbox));
        }
    }
}
