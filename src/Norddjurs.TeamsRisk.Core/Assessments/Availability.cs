using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>
/// A per event (risk-method.md §3.2): the expected outage as a ratio of the MTD, or in hours when the plan has no
/// MTD; data lost beyond the RPO gives at least the method's minimum; a peak period may add up to the method's bump.
/// </summary>
public static class Availability
{
    public static Result<AvailabilityAssessment> Assess(RiskMethod method, SystemFacts facts, double? expectedOutageHours, double? expectedDataLossHours, int peakBump, string? peakReason)
    {
        var rules = method.Consequence.Availability;
        var errors = new List<DomainError>();
        if (expectedOutageHours is null)
        {
            errors.Add(new DomainError(AssessmentErrorCodes.OutageRequired));
        }
        else if (expectedOutageHours < 0 || double.IsNaN(expectedOutageHours.Value) || double.IsInfinity(expectedOutageHours.Value))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.OutageInvalid, ("value", expectedOutageHours)));
        }

        if (expectedDataLossHours is < 0 || (expectedDataLossHours is { } loss && (double.IsNaN(loss) || double.IsInfinity(loss))))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.DataLossInvalid, ("value", expectedDataLossHours)));
        }

        if (peakBump != 0 && (!rules.PeakPeriodBump.Allowed || peakBump < 0 || peakBump > rules.PeakPeriodBump.Max))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.PeakBumpNotAllowed, ("value", peakBump), ("max", rules.PeakPeriodBump.Allowed ? rules.PeakPeriodBump.Max : 0)));
        }
        else if (peakBump > 0 && rules.PeakPeriodBump.JustificationRequired && string.IsNullOrWhiteSpace(peakReason))
        {
            errors.Add(new DomainError(AssessmentErrorCodes.PeakBumpWithoutReason));
        }

        if (errors.Count > 0)
        {
            return Result<AvailabilityAssessment>.Failure(errors);
        }

        var outage = expectedOutageHours!.Value;
        double? ratio = facts.MtdHours is > 0 ? outage / facts.MtdHours.Value : null;
        var level = ratio is { } r ? LevelFor(rules.MtdRatioToLevel, r) : LevelFor(rules.HoursToLevelWithoutMtd, outage);

        // Data loss only counts against an agreed RPO; without one the owner overrides with a reason.
        var beyondRpo = expectedDataLossHours is { } lost && facts.RpoHours is { } rpo && lost > rpo;
        if (beyondRpo)
        {
            level = Math.Max(level, rules.DataLossBeyondRpoMinLevel);
        }

        level = Math.Min(level + peakBump, method.Scale.Max);
        return new AvailabilityAssessment(
            outage, facts.MtdHours, ratio, expectedDataLossHours, facts.RpoHours, beyondRpo, peakBump,
            peakBump > 0 ? peakReason!.Trim() : null, ConsequenceLevel.Of(level));
    }

    /// <summary>The first threshold whose <c>upTo</c> holds the value (inclusive); the open end takes the rest.</summary>
    public static int LevelFor(IReadOnlyList<Threshold> thresholds, double value) =>
        thresholds.First(t => t.UpTo is null || value <= t.UpTo).Level;
}
