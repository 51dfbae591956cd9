using Norddjurs.TeamsRisk.Core.Audit;

namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// How a store keeps an unsealed intent: Core's own entry form (risk-method.md §5), so stores need no second
/// mapping of the audit fields. The placeholder chain fields are dropped on reading; an intent Core would not
/// seal is refused at commit, when the change can still be refused, not later at the sealer.
/// </summary>
public static class AuditIntentJson
{
    public static string Serialize(AuditIntent intent)
    {
        var sealedAlone = AuditChain.Seal(null, intent, intent.OccurredAt);
        if (!sealedAlone.IsSuccess)
        {
            throw new ArgumentException($"Audit intent {intent.EntryId} cannot be sealed: {string.Join("; ", sealedAlone.Errors)}", nameof(intent));
        }

        return sealedAlone.Value.ToJsonLine();
    }

    public static AuditIntent Deserialize(string json) => AuditEntry.Parse(json).Value.Intent;
}
