namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>Codes for the rules of the assessment engine (risk-method.md §3.1–3.5, §7).</summary>
public static class AssessmentErrorCodes
{
    public const string MethodMismatch = "assessment.method_mismatch";
    public const string NotEditable = "assessment.not_editable";
    public const string FactsNotConfirmed = "assessment.facts_not_confirmed";
    public const string FactNumberInvalid = "facts.number_invalid";
    public const string FactDataClassUnknown = "facts.data_class_unknown";
    public const string ProfileMissing = "profile.missing";
    public const string ProfileOutOfRange = "profile.out_of_range";
    public const string ProfileLoweredWithoutReason = "profile.lowered_without_reason";
    public const string UnknownEvent = "event.unknown";
    public const string BaselineDeselectedWithoutReason = "event.baseline_deselected_without_reason";
    public const string NoEventsSelected = "event.none_selected";
    public const string CustomEventNameRequired = "event.custom_name_required";
    public const string CustomEventNeedsDimension = "event.custom_needs_dimension";
    public const string EventNotSelected = "event.not_selected";
    public const string LikelihoodOutOfRange = "likelihood.out_of_range";
    public const string OutageRequired = "availability.outage_required";
    public const string OutageInvalid = "availability.outage_invalid";
    public const string DataLossInvalid = "availability.data_loss_invalid";
    public const string PeakBumpNotAllowed = "availability.peak_bump_not_allowed";
    public const string PeakBumpWithoutReason = "availability.peak_bump_without_reason";
    public const string OverrideNotAllowed = "consequence.override_not_allowed";
    public const string OverrideWithoutReason = "consequence.override_without_reason";
    public const string OverrideOutOfRange = "consequence.override_out_of_range";
    public const string ExistingMeasureUnknown = "event.existing_measure_unknown";
    public const string LineNotScored = "line.not_scored";
    public const string TreatmentMissing = "treatment.missing";
    public const string TreatmentNotAllowed = "treatment.not_allowed";
    public const string JustificationRequired = "treatment.justification_required";
    public const string MeasuresRequired = "treatment.measures_required";
    public const string InterimMeasuresRequired = "treatment.interim_measures_required";
    public const string CriticalCannotBeAccepted = "treatment.critical_cannot_be_accepted";
    public const string ComplianceGapOnlyReduceOrAvoid = "treatment.compliance_gap_only_reduce_or_avoid";
    public const string ResidualAboveTarget = "treatment.residual_above_target";
    public const string MeasureDescriptionRequired = "measure.description_required";
    public const string MeasureResponsibleRequired = "measure.responsible_required";
    public const string MeasureDeadlineInPast = "measure.deadline_in_past";
    public const string MeasureDeadlineTooLate = "measure.deadline_too_late";
    public const string MeasureTargetAboveCurrent = "measure.target_above_current";
    public const string MeasureTargetOutOfRange = "measure.target_out_of_range";
    public const string ComplianceGapEventRequired = "event.compliance_gap_event_required";
}
