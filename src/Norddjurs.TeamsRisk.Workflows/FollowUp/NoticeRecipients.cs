using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.FollowUp;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Workflows.FollowUp;

/// <summary>
/// Who receives a notice (design.md §4): the owner of the assessment or system; the area manager — the register's
/// override, else the owner's Entra manager; the committee and the directorate as roles; a measure's responsible by id.
/// What nobody can be found for goes to the coordinator, so a notice is never silently dropped.
/// </summary>
public sealed class NoticeRecipients(IDirectory directory, FollowUpRecords records)
{
    /// <summary>Notices for <see cref="Role.System"/> ask the app to start an assessment; until it can, the coordinator does.</summary>
    public static NotificationTarget Coordinator { get; } = NotificationTarget.ForRole(Role.Coordinator.Id());

    public async Task<NotificationTarget> ResolveAsync(DueNotice notice, CancellationToken cancellationToken)
    {
        if (notice.Recipient.ObjectId is { } person)
        {
            return NotificationTarget.User(person);
        }

        return notice.Recipient.Role switch
        {
            Role.SystemOwner => await OwnerAsync(notice, cancellationToken).ConfigureAwait(false) is { } owner ? NotificationTarget.User(owner) : Coordinator,
            Role.AreaManager => await AreaManagerAsync(notice, cancellationToken).ConfigureAwait(false) is { } manager ? NotificationTarget.User(manager) : Coordinator,
            Role.Committee or Role.Directorate or Role.Coordinator => NotificationTarget.ForRole(notice.Recipient.Role.Value.Id()),
            _ => Coordinator,
        };
    }

    /// <summary>The assessment's owner when the notice is about one; otherwise the system owner in the register.</summary>
    private async Task<string?> OwnerAsync(DueNotice notice, CancellationToken cancellationToken)
    {
        if (NoticeAssessment.IdOf(notice, records) is { } assessmentId && records.Assessments.TryGetValue(assessmentId, out var record))
        {
            return record.OwnerObjectId;
        }

        return records.Systems.TryGetValue(notice.SystemId, out var system)
            ? await AssessmentAccess.ObjectIdOfAsync(directory, system.People.SystemOwner, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private async Task<string?> AreaManagerAsync(DueNotice notice, CancellationToken cancellationToken)
    {
        // The register's override wins; one the directory does not know falls back to the Entra manager.
        if (records.Systems.TryGetValue(notice.SystemId, out var system)
            && await AssessmentAccess.ObjectIdOfAsync(directory, system.People.AreaManager, cancellationToken).ConfigureAwait(false) is { } overridden)
        {
            return overridden;
        }

        if (await OwnerAsync(notice, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return null;
        }

        var manager = await directory.FindManagerAsync(owner, cancellationToken).ConfigureAwait(false);
        return manager?.ObjectId;
    }
}

/// <summary>The assessment a notice concerns, when it concerns one: directly, or through its escalation or measure.</summary>
public static class NoticeAssessment
{
    public static string? IdOf(DueNotice notice, FollowUpRecords records) => notice.Subject.Type switch
    {
        NoticeSubjectType.Assessment => notice.Subject.Id,
        NoticeSubjectType.Escalation or NoticeSubjectType.Acceptance =>
            records.Escalations.TryGetValue(notice.Subject.Id, out var escalation) ? escalation.AssessmentId : null,
        NoticeSubjectType.Measure => records.Measures.TryGetValue(notice.Subject.Id, out var measure) ? measure.AssessmentId : null,

        // "{assessmentId}:{eventId}": assessment ids hold colons themselves, event ids never do.
        NoticeSubjectType.RiskLine => notice.Subject.Id[..Math.Max(0, notice.Subject.Id.LastIndexOf(':'))],
        _ => null,
    };
}
