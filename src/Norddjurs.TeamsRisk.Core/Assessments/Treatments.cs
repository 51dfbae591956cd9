using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>
/// Step 6: what the owner proposes per line, checked against the band's rule (risk-method.md §3.4, §3.5 rules 4, 5, 7):
/// allowed decisions, reasons, measures with responsible, deadline and target, interim measures for bands that demand
/// them, and compliance gaps that can only be reduced or avoided.
/// </summary>
public static class Treatments
{
    /// <summary>Compliance-gap measures must land within 90 days (risk-method.md §7), whatever the band allows.</summary>
    public const int ComplianceGapMeasureMaxDays = 90;

    public static Result<Assessment> Propose(Assessment assessment, RiskMethod method, string eventId, TreatmentInput input, DateOnly today)
    {
        if (assessment.Line(eventId) is not { } line)
        {
            return DomainError.Of(AssessmentErrorCodes.LineNotScored, ("event", eventId));
        }

        var treatment = Validate(assessment, method, line, input, today);
        if (!treatment.IsSuccess)
        {
            return Result<Assessment>.Failure(treatment.Errors);
        }

        var updated = line with { Treatment = treatment.Value };
        return assessment with { Lines = [.. assessment.Lines.Select(l => l.EventId == eventId ? updated : l)] };
    }

    public static Result<Treatment> Validate(Assessment assessment, RiskMethod method, RiskLine line, TreatmentInput input, DateOnly today)
    {
        var errors = new List<DomainError>();
        var band = line.Score.Band;
        var rule = method.RuleFor(band);
        var gap = Flags.ComplianceGapOn(assessment, method, line.EventId);

        if (!TreatmentKindIds.TryParse(input.Kind, out var kind) || !rule.AllowedDecisions.Contains(kind))
        {
            return DomainError.Of(AssessmentErrorCodes.TreatmentNotAllowed, ("kind", input.Kind), ("band", band.Id));
        }

        if (gap is not null && kind is not (TreatmentKind.Reduce or TreatmentKind.Avoid))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.ComplianceGapOnlyReduceOrAvoid, ("event", line.EventId), ("gap", gap)));
        }

        // A band that demands interim measures is "act now": the owner cannot ask for acceptance (§3.4, Kritisk).
        if (kind == TreatmentKind.Accept && rule.InterimMeasuresRequired)
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.CriticalCannotBeAccepted, ("band", band.Id)));
        }

        var justification = string.IsNullOrWhiteSpace(input.Justification) ? null : input.Justification.Trim();
        var needsJustification = kind switch
        {
            TreatmentKind.Accept => rule.JustificationRequired || !line.Score.WithinAppetite,
            TreatmentKind.Avoid or TreatmentKind.Share => true,
            _ => false,
        };
        if (needsJustification && justification is null)
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.JustificationRequired, ("kind", kind.Id()), ("band", band.Id)));
        }

        var maxDays = gap is null ? rule.MeasureDeadlineMaxDays : Math.Min(rule.MeasureDeadlineMaxDays ?? int.MaxValue, ComplianceGapMeasureMaxDays);
        var measures = (input.Measures ?? []).Select((m, i) => Measure(m, i, line, method, today, maxDays, errors)).OfType<PlannedMeasure>().ToList();
        if (kind == TreatmentKind.Reduce && (input.Measures ?? []).Count == 0)
        {
            errors.Add(new DomainError(AssessmentErrorCodes.MeasuresRequired));
        }

        if (kind == TreatmentKind.Accept && (input.Measures ?? []).Count > 0)
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.TreatmentNotAllowed, ("kind", "accept+measures"), ("band", band.Id)));
        }

        var interim = (input.InterimMeasures ?? []).Select((m, i) => Interim(m, i, errors)).OfType<InterimMeasure>().ToList();
        if (rule.InterimMeasuresRequired && (input.InterimMeasures ?? []).Count == 0)
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.InterimMeasuresRequired, ("band", band.Id)));
        }

        RiskScore? residual = null;
        if (measures.Count > 0 && errors.Count == 0)
        {
            // The plan's expected residual is the lowest target among its measures (risk-method.md D4).
            residual = measures
                .Select(m => method.Score(m.TargetLikelihood, m.TargetConsequence))
                .OrderBy(s => s.Points)
                .First();
            var target = rule.ResidualTargetBand is { } id ? method.Band(id) : method.AppetiteBand;
            if (residual.Band.Order > target.Order && justification is null)
            {
                // §3.5 rule 5: a residual above the target needs its own acceptance, argued in the justification.
                errors.Add(DomainError.Of(AssessmentErrorCodes.ResidualAboveTarget, ("band", residual.Band.Id), ("target", target.Id)));
            }
        }

        return errors.Count > 0
            ? Result<Treatment>.Failure(errors)
            : new Treatment(kind, justification, measures, interim, residual);
    }

    private static PlannedMeasure? Measure(MeasureInput input, int index, RiskLine line, RiskMethod method, DateOnly today, int? maxDays, List<DomainError> errors)
    {
        var before = errors.Count;
        var number = index + 1;
        if (string.IsNullOrWhiteSpace(input.Description))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.MeasureDescriptionRequired, ("measure", number)));
        }

        if (string.IsNullOrWhiteSpace(input.ResponsibleObjectId))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.MeasureResponsibleRequired, ("measure", number)));
        }

        var exception = string.IsNullOrWhiteSpace(input.DeadlineExceptionReason) ? null : input.DeadlineExceptionReason.Trim();
        if (input.Deadline is not { } deadline || deadline < today)
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.MeasureDeadlineInPast, ("measure", number)));
        }
        else if (maxDays is { } days && deadline > today.AddDays(days) && exception is null)
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.MeasureDeadlineTooLate, ("measure", number), ("days", days), ("latest", today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        }

        if (!(input.TargetLikelihood is { } tl && Likelihood.TryFrom(tl, method, out var targetL)) ||
            !(input.TargetConsequence is { } tc && ConsequenceLevel.TryFrom(tc, method, out var targetC)))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.MeasureTargetOutOfRange, ("measure", number), ("min", method.Scale.Min), ("max", method.Scale.Max)));
            return null;
        }

        if (targetL.Value > line.Likelihood.Value || targetC > line.Consequence.Effective)
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.MeasureTargetAboveCurrent, ("measure", number), ("likelihood", line.Likelihood.Value), ("consequence", line.Consequence.Effective.Value)));
        }

        return errors.Count > before
            ? null
            : new PlannedMeasure(input.Id, input.Description!.Trim(), input.ResponsibleObjectId!.Trim(), input.Deadline!.Value, exception, targetL, targetC);
    }

    private static InterimMeasure? Interim(InterimMeasureInput input, int index, List<DomainError> errors)
    {
        var ok = true;
        if (string.IsNullOrWhiteSpace(input.Description))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.MeasureDescriptionRequired, ("measure", $"interim {index + 1}")));
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(input.ResponsibleObjectId))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.MeasureResponsibleRequired, ("measure", $"interim {index + 1}")));
            ok = false;
        }

        return ok ? new InterimMeasure(input.Description!.Trim(), input.ResponsibleObjectId!.Trim()) : null;
    }
}
