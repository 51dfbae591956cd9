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
    string? ResultJson);
