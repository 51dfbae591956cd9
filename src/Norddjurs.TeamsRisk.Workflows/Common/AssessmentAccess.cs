using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Common;

/// <summary>An assessment with its system and the roles the actor holds for that system, resolved now (design.md §4).</summary>
public sealed record AssessmentInContext(Loaded<AssessmentRecord> Record, CriticalSystem System, IReadOnlySet<Role> Roles);

/// <summary>
/// Loads what an action is about and decides whether the actor may know it exists: someone with no role for the
/// system gets "not found", never "forbidden", so ids cannot be probed (IDOR).
/// </summary>
public static class AssessmentAccess
{
    public static async Task<AssessmentInContext?> LoadAsync(UseCaseServices services, Actor actor, string assessmentId, CancellationToken cancellationToken)
    {
        var record = await services.Store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, assessmentId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        var system = await services.Store.LoadAsync<CriticalSystem>(DocumentKinds.System, StableIds.SystemDocumentId(record.Value.SystemId), cancellationToken).ConfigureAwait(false);
        if (system is null)
        {
            return null;
        }

        var roles = await services.Roles.RolesForSystemAsync(actor, system.Value, cancellationToken).ConfigureAwait(false);
        return roles.Count == 0 ? null : new AssessmentInContext(record, system.Value, roles);
    }

    /// <summary>The object id of a register person: given directly, or found by UPN in the directory.</summary>
    public static async Task<string?> ObjectIdOfAsync(IDirectory directory, PersonRef? person, CancellationToken cancellationToken)
    {
        if (person is null)
        {
            return null;
        }

        if (person.ObjectId is { } id)
        {
            return id.ToString("D");
        }

        var user = await directory.FindUserByUpnAsync(person.Upn!, cancellationToken).ConfigureAwait(false);
        return user?.ObjectId;
    }
}
