using System.Globalization;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Workflows.Rounds;

/// <summary>
/// A new assessment of one system and its owner's invitation (risk-method.md §2.1 step 2), the same for a round and
/// for an ad-hoc reassessment (§2.3): pinned to the active method and catalogue, owned by the register's system owner,
/// audited as <c>AssessmentInvited</c>, and the invitation card (or mail) to the owner with the system's name.
/// The caller has checked that the system may get a new assessment.
/// </summary>
public static class OwnerInvitation
{
    /// <summary>The invited record, or null when the register's owner is not in the directory.</summary>
    public static async Task<AssessmentRecord?> AddAsync(
        UseCaseServices services, ChangeSet change, string assessmentId, CriticalSystem system, DateOnly deadline,
        string? roundId, string? trigger, string? previousAssessmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(system);
        var owner = await AssessmentAccess.ObjectIdOfAsync(services.Directory, system.People.SystemOwner, cancellationToken).ConfigureAwait(false);
        if (owner is null)
        {
            return null;
        }

        var assessment = AssessmentStart.Invite(
            assessmentId, SystemFactsMapping.From(system), services.Methods.ActiveMethod, services.Methods.ActiveCatalogue, roundId, trigger, previousAssessmentId);
        var ownerUser = await services.Directory.FindUserAsync(owner, cancellationToken).ConfigureAwait(false);
        var record = new AssessmentRecord(GuidedFlow.Start(assessment), system.SystemId, owner, deadline, Dates: new AssessmentDates(InvitedOn: services.Today))
        {
            SystemName = system.Name,
            OwnerName = ownerUser?.DisplayName,
            OwnerUpn = ownerUser?.Upn ?? system.People.SystemOwner.Upn,
        };
        var data = new Dictionary<string, string>
        {
            ["assessmentId"] = record.Id,
            ["systemId"] = system.SystemId,
            ["systemName"] = system.Name,
            ["deadline"] = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (trigger is not null)
        {
            data["trigger"] = trigger;
        }

        change.Create(DocumentKinds.Assessment, record.Id, record, record.Index())
            .AuditAssessment(AuditAction.AssessmentInvited, record)
            .Notify(new Notification(NotificationTemplates.Invited, NotificationTarget.User(owner), data));
        return record;
    }
}
