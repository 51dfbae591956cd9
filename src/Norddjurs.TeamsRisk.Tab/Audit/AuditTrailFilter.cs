using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.Tab.Audit;

/// <summary>
/// What the audit page narrows the sealed chain to: an action, an actor (object id, UPN or name, in part), a date range
/// in Danish days (both ends included) and a subject (type or id, in part). All given parts must match.
/// </summary>
public sealed record AuditTrailFilter(AuditAction? Action = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null, string? Subject = null)
{
    public bool Matches(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var intent = entry.Intent;
        var day = DanishTime.DateOf(intent.OccurredAt);
        return (Action is null || intent.Action == Action) &&
            (From is null || day >= From) &&
            (To is null || day <= To) &&
            (string.IsNullOrWhiteSpace(Actor) || Contains(intent.Actor.ObjectId, Actor) || Contains(intent.Actor.Upn, Actor) || Contains(intent.Actor.DisplayName, Actor)) &&
            (string.IsNullOrWhiteSpace(Subject) || Contains(intent.Subject.Type, Subject) || Contains(intent.Subject.Id, Subject));
    }

    private static bool Contains(string? value, string wanted) => value?.Contains(wanted.Trim(), StringComparison.OrdinalIgnoreCase) == true;
}
