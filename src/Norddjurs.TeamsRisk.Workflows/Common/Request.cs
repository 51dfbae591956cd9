using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Workflows.Common;

/// <summary>
/// Who asks, through which channel, under which idempotency key (design.md §2.2: bot = conversation id + activity
/// id; tab/API = the client's request id). The correlation id ties the audit entries of one request together.
/// </summary>
public sealed record Request(Actor Actor, string IdempotencyKey, AuditChannel Channel, string? CorrelationId = null)
{
    public string Correlation => CorrelationId ?? IdempotencyKey;
}
