using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>
/// Step 5 for one event (risk-method.md §2.1 step 5, §3.1–3.3): the typical measures as ticks, likelihood with
/// anchors and guidance, the expected outage for events that affect A, the computed consequence with the deciding
/// dimension and an optional override, and points, band and appetite for the answers in <see cref="Input"/>.
/// </summary>
public sealed record ScoreStepView : StepView
{
    public required EventView Event { get; init; }

    /// <summary>The catalogue's typical measures, ticked when they are in place today.</summary>
    public required IReadOnlyList<MeasureTickView> TypicalMeasures { get; init; }

    public required string LikelihoodQuestion { get; init; }

    public required IReadOnlyList<LikelihoodLevelView> LikelihoodLevels { get; init; }

    /// <summary>Only for events that affect A.</summary>
    public required AvailabilityView? Availability { get; init; }

    /// <summary>The levels to override the consequence with.</summary>
    public required IReadOnlyList<ConsequenceLevelView> ConsequenceLevels { get; init; }

    public required OverrideRuleView Override { get; init; }

    /// <summary>The consequence for the answers in the input; null until they are enough to compute it.</summary>
    public required ConsequenceView? Consequence { get; init; }

    /// <summary>Points, band and appetite for the answers in the input; null until a likelihood is chosen.</summary>
    public required ScoreView? Score { get; init; }

    public required string AppetiteStatement { get; init; }

    public required ScoreStepInput Input { get; init; }
}

/// <summary>A typical measure by its index in the catalogue (the input's <c>existingMeasures</c> holds these indexes).</summary>
public sealed record MeasureTickView(int Index, string Text, bool Ticked);

/// <summary>What the owner needs to estimate A: the quick picks, the plan's MTD and RPO, and the peak bump rule (risk-method.md §3.2).</summary>
public sealed record AvailabilityView(
    IReadOnlyList<int> QuickPicksHours,
    double? MtdHours,
    double? RpoHours,
    int DataLossBeyondRpoMinLevel,
    bool PeakBumpAllowed,
    int PeakBumpMax,
    bool PeakReasonRequired,
    bool HasPeakPeriods,
    AvailabilityResultView? Result);

/// <summary>A for the entered outage: the ratio to the MTD (null without an MTD) and the level it gives.</summary>
public sealed record AvailabilityResultView(double ExpectedOutageHours, double? Ratio, bool DataLossBeyondRpo, int PeakBump, LevelView Level);

public sealed record OverrideRuleView(bool Allowed, bool ReasonRequired, int FlagIfLoweredBy);

/// <summary>The event consequence: each affected dimension's level, the max and the dimension that decided it, and any override.</summary>
public sealed record ConsequenceView(
    IReadOnlyList<ConsequenceComponentView> Components,
    LevelView Computed,
    DimensionView DecidingDimension,
    LevelView? Override,
    string? OverrideReason,
    LevelView Effective,
    bool FlaggedToCommittee);

public sealed record ConsequenceComponentView(DimensionView Dimension, LevelView Level);

internal static class ScoreStep
{
    public static StepOutcome Apply(Assessment assessment, ScoreStepInput input, FlowRules rules)
    {
        // Core is asked even without a likelihood, so every other error is reported at the same time.
        var core = new ScoreInput(
            input.Likelihood ?? rules.Method.Scale.Min, input.ExistingMeasures, input.ExpectedOutageHours, input.ExpectedDataLossHours,
            input.PeakBump, input.PeakReason, input.OverrideConsequence, input.OverrideReason);
        var outcome = StepOutcome.From(assessment, Scoring.ScoreEvent(assessment, rules.Method, rules.Catalogue, input.EventId, core), Field);
        if (input.Likelihood is not null)
        {
            return outcome;
        }

        FieldError required = new(FlowFields.Likelihood, new DomainError(FlowErrorCodes.LikelihoodRequired));
        return StepOutcome.Refused(assessment, [required, .. outcome.Errors]);
    }

    public static ScoreStepView Build(Assessment assessment, string eventId, ScoreStepInput? pending, FlowRules rules, ViewText text)
    {
        var method = rules.Method;
        var e = EventSelection.Find(assessment, rules.Catalogue, eventId)
            ?? throw new InvalidOperationException($"Event {eventId} is neither in the catalogue nor a custom event of {assessment.Id}.");
        var input = pending ?? FromLine(eventId, assessment.Line(eventId));
        var ticked = new HashSet<int>(input.ExistingMeasures ?? []);
        var rulesA = method.Consequence.Availability;

        AvailabilityAssessment? availability = null;
        if (e.Affects(Dimension.Availability))
        {
            var assessed = Availability.Assess(method, assessment.Facts, input.ExpectedOutageHours, input.ExpectedDataLossHours, input.PeakBump, input.PeakReason);
            availability = assessed.IsSuccess ? assessed.Value : null;
        }

        var consequence = Preview(assessment, method, e.Cia, e.Affects(Dimension.Availability), availability, input);
        RiskScore? score = consequence is not null && input.Likelihood is { } l && Likelihood.TryFrom(l, method, out var likelihood)
            ? method.Score(likelihood, consequence.Effective)
            : null;

        return new ScoreStepView
        {
            Event = text.Event(e),
            TypicalMeasures = [.. e.Measures.Select((m, i) => new MeasureTickView(i, text.Of(m), ticked.Contains(i)))],
            LikelihoodQuestion = text.Of(method.Likelihood.Question),
            LikelihoodLevels = text.LikelihoodLevels(),
            Availability = e.Affects(Dimension.Availability)
                ? new AvailabilityView(
                    rulesA.ExpectedOutageQuickPicksHours, assessment.Facts.MtdHours, assessment.Facts.RpoHours, rulesA.DataLossBeyondRpoMinLevel,
                    rulesA.PeakPeriodBump.Allowed, rulesA.PeakPeriodBump.Max, rulesA.PeakPeriodBump.JustificationRequired, assessment.Facts.HasPeakPeriods,
                    availability is null ? null : new AvailabilityResultView(availability.ExpectedOutageHours, availability.Ratio, availability.DataLossBeyondRpo, availability.PeakBump, text.Consequence(availability.Level)))
                : null,
            ConsequenceLevels = text.ConsequenceLevels(),
            Override = new OverrideRuleView(method.Consequence.EventOverride.Allowed, method.Consequence.EventOverride.JustificationRequired, method.Consequence.EventOverride.FlagIfLoweredBy),
            Consequence = consequence is null ? null : new ConsequenceView(
                [.. consequence.Components.Select(c => new ConsequenceComponentView(text.Dimension(c.Key), text.Consequence(c.Value)))],
                text.Consequence(consequence.Computed),
                text.Dimension(consequence.DecidingDimension),
                consequence.Override is { } o ? text.Consequence(o.Level) : null,
                consequence.Override?.Reason is { Length: > 0 } reason ? reason : null,
                text.Consequence(consequence.Effective),
                consequence.FlaggedToCommittee),
            Score = score is null ? null : text.Score(score),
            AppetiteStatement = text.Of(method.Appetite.Statement),
            Input = input,
        };
    }

    /// <summary>The saved answers, so a step visited again shows what was entered.</summary>
    public static ScoreStepInput FromLine(string eventId, RiskLine? line) =>
        line is null
            ? new ScoreStepInput(eventId, null)
            : new ScoreStepInput(
                eventId, line.Likelihood.Value, line.ExistingMeasures,
                line.Availability?.ExpectedOutageHours, line.Availability?.ExpectedDataLossHours, line.Availability?.PeakBump ?? 0, line.Availability?.PeakReason,
                line.Consequence.Override?.Level.Value, line.Consequence.Override?.Reason);

    /// <summary>
    /// The consequence as Core computes it, once the profile and (for A) the outage allow it. An override is shown
    /// before its reason is written; Next still requires the reason.
    /// </summary>
    private static ConsequenceAssessment? Preview(Assessment assessment, RiskMethod method, IReadOnlyList<Dimension> cia, bool affectsA, AvailabilityAssessment? availability, ScoreStepInput input)
    {
        var profileReady = (!cia.Contains(Dimension.Confidentiality) || assessment.Confidentiality is not null) &&
                           (!cia.Contains(Dimension.Integrity) || assessment.Integrity is not null);
        if (cia.Count == 0 || !profileReady || (affectsA && availability is null))
        {
            return null;
        }

        ConsequenceOverride? consequenceOverride = null;
        if (input.OverrideConsequence is { } value)
        {
            if (!method.Consequence.EventOverride.Allowed || !ConsequenceLevel.TryFrom(value, method, out var level))
            {
                return null;
            }

            consequenceOverride = new ConsequenceOverride(level, input.OverrideReason?.Trim() ?? string.Empty);
        }

        return Scoring.Consequence(assessment, method, cia, availability?.Level, consequenceOverride);
    }

    private static string Field(DomainError error) => error.Code switch
    {
        AssessmentErrorCodes.LikelihoodOutOfRange => FlowFields.Likelihood,
        AssessmentErrorCodes.ExistingMeasureUnknown => FlowFields.ExistingMeasures,
        AssessmentErrorCodes.OutageRequired or AssessmentErrorCodes.OutageInvalid => FlowFields.ExpectedOutageHours,
        AssessmentErrorCodes.DataLossInvalid => FlowFields.ExpectedDataLossHours,
        AssessmentErrorCodes.PeakBumpNotAllowed => FlowFields.PeakBump,
        AssessmentErrorCodes.PeakBumpWithoutReason => FlowFields.PeakReason,
        AssessmentErrorCodes.OverrideWithoutReason => FlowFields.OverrideReason,
        AssessmentErrorCodes.OverrideNotAllowed or AssessmentErrorCodes.OverrideOutOfRange => FlowFields.OverrideConsequence,
        _ => FlowFields.Step,
    };
}
