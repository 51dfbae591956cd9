using System.Globalization;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Rounds;

/// <summary>
/// A new assessment of one system and its owner's invitation (risk-method.md §2.1 step 2), the same for a round and
/// for an ad-hoc reassessment (§2.3): pinned to the active method and catalogue, owned by the register's system owner,
/// audited as <c>AssessmentInvited</c>, and the invitation card (or mail) to the owner with the system's name.
/// The caller has checked that the system may get a new assessment, on a read of the system made before that check: the
/// change also writes the system, unchanged, at the version read, so two changes that both found no open assessment (a round
/// and a reassessment of the same system at once) cannot both commit: the later one is a conflict (design.md §3: no second
/// open assessment; §2.4).
/// </summary>
public static class OwnerInvitation
{
    /// <summary>The invited record, or null when the register's owner is not in the directory.</summary>
    public static async Task<AssessmentRecord?> AddAsync(
        UseCaseServices services, ChangeSet change, string assessmentId, Loaded<CriticalSystem> loaded, DateOnly deadline,
        string? roundId, string? trigger, string? previousAssessmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(loaded);
        var system = loaded.Value;
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

        change.Write(DocumentWrite.Update(loaded.Document, loaded.Document.Json))
            .Create(DocumentKinds.Assessment, record.Id, record, record.Index())
            .AuditAssessment(AuditAction.AssessmentInvited, record)
            .Notify(new Notification(NotificationTemplates.Invited, NotificationTarget.User(owner), data));
        return record;
    }
}
