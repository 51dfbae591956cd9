using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Common;

/// <summary>
/// An outbound message as the use case knows it: whom it is for, which message (the bot and the mail sender
/// render the template in the recipient's language), and the ids the renderer reads. Stored as an outbox row.
/// </summary>
public sealed record Notification(string Template, NotificationTarget To, IReadOnlyDictionary<string, string> Data)
{
    /// <summary><see cref="OutboxKinds.TeamsSend"/> for a new message; <see cref="OutboxKinds.TeamsUpdate"/> to update one already posted.</summary>
    public string Kind { get; init; } = OutboxKinds.TeamsSend;

    /// <summary>
    /// The committee's card of this assessment shows its current state for everyone (PUT on the stored post, design.md §5).
    /// Ordered with the committee's posts, so it cannot overtake the post it updates.
    /// </summary>
    public static Notification CommitteeCardUpdate(string assessmentId) =>
        new(NotificationTemplates.CommitteeCard, NotificationTarget.ForRole("committee"), new Dictionary<string, string> { ["assessmentId"] = assessmentId })
        {
            Kind = OutboxKinds.TeamsUpdate,
        };

    /// <summary>One row per notification; the id is derived from the change so a replay cannot add a second.</summary>
    public OutboxMessage ToOutbox(string changeKey, int index, DateTimeOffset now) =>
        new($"{changeKey}#{index}", Kind, To.OrderingKey, StoreJson.Serialize(this), now);
}

/// <summary>A person by object id, or a role's channel or group (the committee's channel, the directorate).</summary>
public sealed record NotificationTarget(string? UserObjectId, string? Role)
{
    public static NotificationTarget User(string objectId) => new(objectId, null);

    public static NotificationTarget ForRole(string roleId) => new(null, roleId);

    /// <summary>Messages to one recipient are delivered in commit order (design.md §5).</summary>
    public string OrderingKey => UserObjectId is not null ? "user:" + UserObjectId.ToLowerInvariant() : "role:" + Role;
}

/// <summary>The message templates the use cases send; renderers key on these names.</summary>
public static class NotificationTemplates
{
    public const string Invited = "assessment.invited";
    public const string Submitted = "assessment.submitted";
    public const string SubmittedCritical = "assessment.submitted_critical";
    public const string Returned = "assessment.returned";
    public const string Approved = "assessment.approved";
    public const string Cancelled = "assessment.cancelled";
    public const string EscalationPending = "escalation.pending";
    public const string EscalationDecided = "escalation.decided";

    /// <summary>The committee's card of a submission, re-rendered in its current state.</summary>
    public const string CommitteeCard = "committee.card";

    /// <summary>
    /// To the person whose edit of an assessment in the SharePoint list was put back: why, in <c>reason</c> (Danish, then
    /// English; <c>reason.da</c> and <c>reason.en</c> apart). Teams 1:1 when the bot has a chat with them, else mail.
    /// </summary>
    public const string ListEditRefused = "assessment.list_edit_refused";

    // Follow-up notices (design.md §7), one per due-rule reason: "followup." + the reason's stable id.
    public const string OwnerReminder = "followup.owner_reminder";
    public const string OwnerOverdue = "followup.owner_overdue_escalation";
    public const string CommitteeReviewOverdue = "followup.committee_review_overdue";
    public const string DecisionOverdue = "followup.decision_overdue";
    public const string MeasureReminder = "followup.measure_reminder";
    public const string MeasureOverdue = "followup.measure_overdue";
    public const string AcceptanceExpired = "followup.acceptance_expired";
    public const string ReassessmentDue = "followup.reassessment_due";
    public const string DpfRecheckDue = "followup.dpf_recheck_due";
    public const string MeasuresCompleted = "followup.measures_completed";
    public const string LegalChange = "followup.legal_change";
}
