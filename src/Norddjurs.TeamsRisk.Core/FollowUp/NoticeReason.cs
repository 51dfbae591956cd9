namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>Why a notice is due (design.md §7; risk-method.md §3.4 time limits, §2.2, §2.3, §7).</summary>
public enum NoticeReason
{
    /// <summary>The owner's window closes in N days (<c>ownerReminderDaysBefore</c>).</summary>
    OwnerReminder,

    /// <summary>The owner is N days past the window; the owner's manager is told (<c>ownerOverdueEscalateAfterDays</c>).</summary>
    OwnerOverdueEscalation,

    /// <summary>The committee has not reviewed within <c>committeeReviewWorkingDays</c>.</summary>
    CommitteeReviewOverdue,

    /// <summary>An escalation is undecided after its authority's working days.</summary>
    DecisionOverdue,

    /// <summary>A measure's deadline is N days away (<c>measureReminderDaysBefore</c>).</summary>
    MeasureReminder,

    /// <summary>A measure is past its deadline; one notice per <c>measureOverdueEscalation</c> step.</summary>
    MeasureOverdue,

    /// <summary>An acceptance reached its end date: fires the <c>acceptanceExpired</c> trigger.</summary>
    AcceptanceExpired,

    /// <summary>The 12-month rule (<c>maxMonthsBetweenApprovedAssessments</c>): fires a new assessment.</summary>
    ReassessmentDue,

    /// <summary>A system transferring under the EU-US DPF needs its yearly list check (risk-method.md §7).</summary>
    DpfRecheckDue,

    /// <summary>Every measure on a risk line is done: fires the <c>measureCompleted</c> trigger (risk-method.md §2.3).</summary>
    MeasuresCompleted,

    /// <summary>The DPF status on the system record changed since it was assessed: fires <c>legalChange</c> (§2.3, §7).</summary>
    LegalChange,
}

public static class NoticeReasonIds
{
    /// <summary>The stable id used in notice keys; never change one, or notices already sent are sent again.</summary>
    public static string Id(this NoticeReason reason) => reason switch
    {
        NoticeReason.OwnerReminder => "owner-reminder",
        NoticeReason.OwnerOverdueEscalation => "owner-overdue-escalation",
        NoticeReason.CommitteeReviewOverdue => "committee-review-overdue",
        NoticeReason.DecisionOverdue => "decision-overdue",
        NoticeReason.MeasureReminder => "measure-reminder",
        NoticeReason.MeasureOverdue => "measure-overdue",
        NoticeReason.AcceptanceExpired => "acceptance-expired",
        NoticeReason.ReassessmentDue => "reassessment-due",
        NoticeReason.DpfRecheckDue => "dpf-recheck-due",
        NoticeReason.MeasuresCompleted => "measures-completed",
        NoticeReason.LegalChange => "legal-change",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>
    /// The reassessment trigger a notice fires (risk-method.md §2.3), or null for a notice that only tells someone.
    /// The scheduler starts the ad-hoc assessment, or notes the trigger on the system's open one.
    /// </summary>
    public static string? Trigger(this NoticeReason reason) => reason switch
    {
        NoticeReason.AcceptanceExpired => ReassessmentTriggers.AcceptanceExpired,
        NoticeReason.ReassessmentDue => ReassessmentTriggers.Cycle,
        NoticeReason.MeasuresCompleted => ReassessmentTriggers.MeasureCompleted,
        NoticeReason.LegalChange => ReassessmentTriggers.LegalChange,
        _ => null,
    };

    /// <summary>The notice's title in <c>FollowUp/Texts.resx</c>.</summary>
    public static string TextKey(this NoticeReason reason) => "followup.reason." + reason.Id().Replace('-', '_');
}
