namespace Norddjurs.TeamsRisk.Core.Workflow;

/// <summary>Codes for the workflow tables of design.md §3 and the roles of §4.</summary>
public static class WorkflowErrorCodes
{
    public const string TransitionForbidden = "workflow.transition_forbidden";
    public const string RoleMissing = "workflow.role_missing";
    public const string SystemInactive = "workflow.system_inactive";
    public const string OpenAssessmentExists = "workflow.open_assessment_exists";
    public const string CommentRequired = "workflow.comment_required";
    public const string ReasonRequired = "workflow.reason_required";
    public const string RecommendationMissing = "workflow.recommendation_missing";
    public const string RecommendationForUnknownLine = "workflow.recommendation_unknown_line";
    public const string NothingToEscalate = "workflow.nothing_to_escalate";
    public const string EscalationsPending = "workflow.escalations_pending";
    public const string NewerNotFinal = "workflow.newer_not_final";
    public const string RoundNameRequired = "round.name_required";
    public const string RoundDeadlineNotFuture = "round.deadline_not_future";
    public const string RoundUnknownSystem = "round.unknown_system";
    public const string OwnerUnknown = "round.owner_unknown";
    public const string RoundFinished = "round.finished";
    public const string ReminderNotInRound = "round.reminder_not_in_round";
    public const string ReminderCancelled = "round.reminder_cancelled";
    public const string ReminderAlreadySubmitted = "round.reminder_already_submitted";
    public const string ImportNothingToApply = "register.import_invalid";
    public const string NoActiveMethod = "method.no_active_version";
    public const string MethodInvalid = "method.invalid";
    public const string MethodUnknownVersion = "method.unknown_version";
    public const string MethodAlreadyActive = "method.already_active";
    public const string MethodRetired = "method.retired";
    public const string MethodApprovalIncomplete = "method.approval_incomplete";
    public const string MethodCatalogueMissing = "method.catalogue_missing";
    public const string MethodVersionExists = "method.version_exists";
    public const string EscalationAlreadyDecided = "escalation.already_decided";
    public const string AuthorityInsufficient = "escalation.authority_insufficient";
    public const string CriticalNeedsDirectorate = "escalation.critical_needs_directorate";
    public const string ComplianceGapNotAcceptable = "escalation.compliance_gap_not_acceptable";
    public const string JustificationRequired = "escalation.justification_required";
    public const string AcceptanceEndRequired = "escalation.acceptance_end_required";
    public const string AcceptanceEndNotFuture = "escalation.acceptance_end_not_future";
    public const string AcceptanceTooLong = "escalation.acceptance_too_long";
    public const string NothingToEndorse = "escalation.nothing_to_endorse";
    public const string DeadlineLengthened = "escalation.deadline_lengthened";
    public const string DeadlinePassed = "escalation.deadline_passed";
    public const string UnknownMeasure = "escalation.unknown_measure";
    public const string RequiredMeasuresMissing = "escalation.required_measures_missing";
    public const string RequiredMeasureIncomplete = "escalation.required_measure_incomplete";
    public const string MeasureTransitionForbidden = "measure.transition_forbidden";
    public const string MeasureActorNotAllowed = "measure.actor_not_allowed";
    public const string EffectivenessNoteRequired = "measure.effectiveness_note_required";
    public const string CancellationReasonRequired = "measure.cancellation_reason_required";
    public const string ResidualRequired = "measure.residual_required";
    public const string ResidualOutOfRange = "measure.residual_out_of_range";
    public const string TriggerUnknown = "reassessment.trigger_unknown";
    public const string TriggerNoteRequired = "reassessment.note_required";
}
