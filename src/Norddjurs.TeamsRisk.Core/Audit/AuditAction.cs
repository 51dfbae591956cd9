namespace Norddjurs.TeamsRisk.Core.Audit;

/// <summary>The closed set of audited actions (risk-method.md §5); the name is what the entry records.</summary>
public enum AuditAction
{
    MethodPublished,
    MethodApproved,
    CatalogPublished,
    SystemRecordChanged,
    RoundStarted,
    AssessmentInvited,
    FactsConfirmed,
    ProfileSet,
    EventSelected,
    EventDeselected,
    CustomEventAdded,
    RiskScored,
    TreatmentProposed,
    AssessmentSubmitted,
    AssessmentReturned,
    AssessmentApproved,
    RecommendationAdded,
    Escalated,
    DecisionRecorded,
    MeasureCreated,
    MeasureUpdated,
    MeasureCompleted,
    MeasureOverdueEscalated,
    AcceptanceExpired,
    ReassessmentTriggered,
    TransferAssessmentRecorded,
    ReminderSent,
    ExportGenerated,

    // design.md §3: "every transition is an audit entry"; risk-method.md §5's list has no name for these four.
    AssessmentOpened,
    AssessmentCancelled,
    AssessmentSuperseded,
    AssessmentDecided,

    // design.md §5: the coordinator puts a dead letter back to be sent again; no name in risk-method.md §5 fits a
    // message being requeued, and who did it must be on the record.
    OutboxMessageRequeued,

    // design.md §1: the committee works in the SharePoint list itself. An edit there that the app does not accept (a
    // column only the app writes, an editor outside the committee, a transition §3 does not allow) is put back, and the
    // refusal must be on the record with who tried; risk-method.md §5 has no name for an edit that was undone.
    ListEditRefused,
}

/// <summary>How the action reached the app (risk-method.md §5 <c>channel</c>).</summary>
public enum AuditChannel
{
    Bot,
    Tab,
    Api,
    Scheduler,
}
