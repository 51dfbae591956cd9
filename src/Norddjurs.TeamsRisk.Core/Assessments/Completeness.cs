using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>Everything that must hold before an assessment can be submitted (risk-method.md §3.5, §2.1 step 7), all reported at once.</summary>
public static class Completeness
{
    public static IReadOnlyList<DomainError> Check(Assessment assessment, RiskMethod method, EventCatalogue catalogue, DateOnly today)
    {
        var errors = new List<DomainError>();
        if (!AssessmentStart.Pins(assessment, method, catalogue))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.MethodMismatch, ("method", $"{assessment.Method.Id} {assessment.Method.Version}")));
            return errors;
        }

        if (!assessment.FactsConfirmed)
        {
            errors.Add(new DomainError(AssessmentErrorCodes.FactsNotConfirmed));
        }

        if (assessment.Confidentiality is null)
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.ProfileMissing, ("dimension", "C")));
        }

        if (assessment.Integrity is null)
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.ProfileMissing, ("dimension", "I")));
        }

        var selected = assessment.SelectedEvents;
        if (!assessment.EventsChosen || selected.Count == 0)
        {
            errors.Add(new DomainError(AssessmentErrorCodes.NoEventsSelected));
        }

        foreach (var required in Flags.RequiredByGaps(assessment.Facts, method).Where(id => selected.All(e => e.EventId != id)))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.ComplianceGapEventRequired, ("event", required)));
        }

        foreach (var choice in assessment.Events.Where(e => !e.Selected && e.Origin == EventOrigin.Baseline && e.DeselectionReason is null))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.BaselineDeselectedWithoutReason, ("event", choice.EventId)));
        }

        foreach (var choice in selected)
        {
            if (assessment.Line(choice.EventId) is not { } line)
            {
                errors.Add(DomainError.Of(AssessmentErrorCodes.LineNotScored, ("event", choice.EventId)));
            }
            else if (line.Treatment is not { } treatment)
            {
                errors.Add(DomainError.Of(AssessmentErrorCodes.TreatmentMissing, ("event", choice.EventId)));
            }
            else
            {
                // The score may have changed after the treatment was written; it must still satisfy the band's rule.
                var again = Treatments.Validate(assessment, method, line, AsInput(treatment), today);
                errors.AddRange(again.Errors ?? []);
            }
        }

        return errors;
    }

    public static TreatmentInput AsInput(Treatment treatment) =>
        new(
            treatment.Kind.Id(),
            treatment.Justification,
            [.. treatment.Measures.Select(m => new MeasureInput(m.Id, m.Description, m.ResponsibleObjectId, m.Deadline, m.TargetLikelihood.Value, m.TargetConsequence.Value, m.DeadlineExceptionReason))],
            [.. treatment.InterimMeasures.Select(m => new InterimMeasureInput(m.Description, m.ResponsibleObjectId))]);
}
