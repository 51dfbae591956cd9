using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>
/// Step 5: one event scored (risk-method.md §3.2–3.3, §3.5 rules 1–3). Consequence = max over the event's
/// dimensions of {C, I from the profile; A for this event}, or the owner's override with a reason; points = L × C.
/// </summary>
public static class Scoring
{
    public static Result<Assessment> ScoreEvent(Assessment assessment, RiskMethod method, EventCatalogue catalogue, string eventId, ScoreInput input)
    {
        if (!assessment.SelectedEvents.Any(e => e.EventId == eventId) || EventSelection.Find(assessment, catalogue, eventId) is not { } e)
        {
            return DomainError.Of(AssessmentErrorCodes.EventNotSelected, ("event", eventId));
        }

        var line = Score(assessment, method, e, input);
        if (!line.IsSuccess)
        {
            return Result<Assessment>.Failure(line.Errors);
        }

        // A changed score invalidates nothing the owner wrote, but the treatment's residual is recomputed.
        var previous = assessment.Line(eventId);
        var scored = previous?.Treatment is { } treatment ? line.Value with { Treatment = treatment } : line.Value;
        var lines = assessment.Lines.Where(l => l.EventId != eventId).Append(scored);
        return assessment with { Lines = [.. Order(assessment, lines)] };
    }

    public static Result<RiskLine> Score(Assessment assessment, RiskMethod method, CatalogueEvent e, ScoreInput input)
    {
        var errors = new List<DomainError>();
        if (!Likelihood.TryFrom(input.Likelihood, method, out var likelihood))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.LikelihoodOutOfRange, ("value", input.Likelihood), ("min", method.Scale.Min), ("max", method.Scale.Max)));
        }

        var existing = input.ExistingMeasures ?? [];
        foreach (var index in existing.Where(i => i < 0 || i >= e.Measures.Count))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.ExistingMeasureUnknown, ("event", e.Id), ("index", index)));
        }

        AvailabilityAssessment? availability = null;
        if (e.Affects(Dimension.Availability))
        {
            var a = Availability.Assess(method, assessment.Facts, input.ExpectedOutageHours, input.ExpectedDataLossHours, input.PeakBump, input.PeakReason);
            if (a.IsSuccess)
            {
                availability = a.Value;
            }
            else
            {
                errors.AddRange(a.Errors);
            }
        }

        foreach (var missing in MissingProfile(assessment, e.Cia))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.ProfileMissing, ("dimension", missing.Id())));
        }

        ConsequenceOverride? consequenceOverride = null;
        if (input.OverrideConsequence is { } overrideValue)
        {
            var rule = method.Consequence.EventOverride;
            if (!rule.Allowed)
            {
                errors.Add(new DomainError(AssessmentErrorCodes.OverrideNotAllowed));
            }
            else if (!ConsequenceLevel.TryFrom(overrideValue, method, out var level))
            {
                errors.Add(DomainError.Of(AssessmentErrorCodes.OverrideOutOfRange, ("value", overrideValue), ("min", method.Scale.Min), ("max", method.Scale.Max)));
            }
            else if (rule.JustificationRequired && string.IsNullOrWhiteSpace(input.OverrideReason))
            {
                errors.Add(new DomainError(AssessmentErrorCodes.OverrideWithoutReason));
            }
            else
            {
                consequenceOverride = new ConsequenceOverride(level, input.OverrideReason?.Trim() ?? string.Empty);
            }
        }

        if (errors.Count > 0)
        {
            return Result<RiskLine>.Failure(errors);
        }

        var consequence = Consequence(assessment, method, e.Cia, availability?.Level, consequenceOverride);
        var score = method.Score(likelihood, consequence.Effective);
        return new RiskLine(e.Id, [.. existing.Distinct().Order()], likelihood, availability, consequence, score);
    }

    /// <summary>The line again under the assessment's current profile, with the same inputs and treatment.</summary>
    public static RiskLine Rescore(Assessment assessment, RiskLine line, RiskMethod method)
    {
        if (MissingProfile(assessment, line.Consequence.Components.Keys).Any())
        {
            return line;
        }

        var consequence = Consequence(assessment, method, [.. line.Consequence.Components.Keys], line.Availability?.Level, line.Consequence.Override);
        return line with { Consequence = consequence, Score = method.Score(line.Likelihood, consequence.Effective) };
    }

    public static ConsequenceAssessment Consequence(Assessment assessment, RiskMethod method, IReadOnlyList<Dimension> cia, ConsequenceLevel? availability, ConsequenceOverride? consequenceOverride)
    {
        var components = new SortedDictionary<Dimension, ConsequenceLevel>();
        foreach (var dimension in cia.Distinct().Order())
        {
            components[dimension] = dimension switch
            {
                Dimension.Confidentiality => ConsequenceLevel.Of(assessment.Confidentiality!.Value),
                Dimension.Integrity => ConsequenceLevel.Of(assessment.Integrity!.Value),
                _ => availability!.Value,
            };
        }

        // Ties go to the first dimension in C, I, A order, so the record is deterministic.
        var deciding = components.OrderByDescending(c => c.Value.Value).ThenBy(c => c.Key).First();
        var flagged = consequenceOverride is { } o && deciding.Value.Value - o.Level.Value >= method.Consequence.EventOverride.FlagIfLoweredBy;
        return new ConsequenceAssessment(components, deciding.Value, deciding.Key, consequenceOverride, flagged);
    }

    private static IEnumerable<Dimension> MissingProfile(Assessment assessment, IEnumerable<Dimension> cia) =>
        cia.Where(d => (d == Dimension.Confidentiality && assessment.Confidentiality is null) || (d == Dimension.Integrity && assessment.Integrity is null));

    /// <summary>Lines follow the order of the selected events, so cards and snapshots are stable.</summary>
    private static IEnumerable<RiskLine> Order(Assessment assessment, IEnumerable<RiskLine> lines)
    {
        var position = assessment.SelectedEvents.Select((e, i) => (e.EventId, i)).ToDictionary(x => x.EventId, x => x.i, StringComparer.Ordinal);
        return lines.OrderBy(l => position.GetValueOrDefault(l.EventId, int.MaxValue));
    }
}
