using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>
/// The summary before submission (risk-method.md §2.1 step 7): every line with points, band, treatment and residual,
/// the headline (§3.3), the flags (§3.4, §7), and what still stops the submission, each with the step that fixes it.
/// Submitting is a use case of its own; this view says whether it <see cref="CanSubmit"/>.
/// </summary>
public sealed record SummaryStepView : StepView
{
    /// <summary>C and I as set; a dimension not set yet is absent.</summary>
    public required IReadOnlyList<ProfileValueView> Profile { get; init; }

    /// <summary>One line per selected event, in selection order; an event not scored yet has no score.</summary>
    public required IReadOnlyList<SummaryLineView> Lines { get; init; }

    /// <summary>Pre-selected or custom events the owner dropped, with the reason given.</summary>
    public required IReadOnlyList<DeselectedEventView> Deselected { get; init; }

    /// <summary>The highest band and the count per band of the current risks; never a sum or an average.</summary>
    public required HeadlineView Headline { get; init; }

    /// <summary>The same for the expected residual risks.</summary>
    public required HeadlineView ResidualHeadline { get; init; }

    public required AssessmentFlags Flags { get; init; }

    /// <summary>Every completeness error (risk-method.md §3.5), in Core's order.</summary>
    public required IReadOnlyList<CompletenessIssue> Issues { get; init; }

    public required bool CanSubmit { get; init; }

    /// <summary>The steps a jump may go to.</summary>
    public required IReadOnlyList<FlowStep> JumpTargets { get; init; }
}

public sealed record ProfileValueView(DimensionView Dimension, int Suggested, LevelView Value, ProfileSource Source, string? Reason);

/// <summary>A line with the steps that edit it. <see cref="Residual"/> equals the score when no measures are planned (D4).</summary>
public sealed record SummaryLineView(
    EventView Event,
    ScoreView? Score,
    DimensionView? DecidingDimension,
    bool OverrideFlagged,
    TreatmentKind? Treatment,
    int MeasureCount,
    ScoreView? Residual,
    FlowStep ScoreStep,
    FlowStep TreatmentStep);

public sealed record DeselectedEventView(EventView Event, EventOrigin Origin, string? Reason);

public sealed record HeadlineView(BandView? Highest, IReadOnlyList<BandCountView> Counts, int AboveAppetite);

public sealed record BandCountView(BandView Band, int Count);

/// <summary>A completeness error, the step that fixes it (null when no step can), and the event it concerns.</summary>
public sealed record CompletenessIssue(FlowError Error, FlowStep? Target, string? EventName);

internal static class SummaryStep
{
    public static SummaryStepView Build(Assessment assessment, FlowRules rules, ViewText text, DateOnly today, IReadOnlyList<FlowStep> jumpTargets)
    {
        var method = rules.Method;
        var issues = Issues(assessment, rules, today);
        return new SummaryStepView
        {
            Profile = [.. new[] { (Dimension.Confidentiality, assessment.Confidentiality), (Dimension.Integrity, assessment.Integrity) }
                .Where(p => p.Item2 is not null)
                .Select(p => new ProfileValueView(text.Dimension(p.Item1), p.Item2!.Suggested, text.Consequence(ConsequenceLevel.Of(p.Item2.Value)), p.Item2.Source, p.Item2.Reason))],
            Lines = [.. assessment.SelectedEvents.Select(choice => Line(assessment, choice.EventId, text))],
            Deselected = [.. assessment.Events
                .Where(e => !e.Selected && e.Origin is EventOrigin.Baseline or EventOrigin.Suggested or EventOrigin.Custom)
                .Select(e => new DeselectedEventView(text.Event(e.EventId), e.Origin, e.DeselectionReason))],
            Headline = HeadlineOf(Headline.Of(assessment.Lines, method), method, text),
            ResidualHeadline = HeadlineOf(Headline.Of(assessment.Lines, method, residual: true), method, text),
            Flags = Flags.For(assessment, method),
            Issues = [.. issues.Select(i => new CompletenessIssue(
                text.Error(new FieldError(FlowFields.Step, i.Error)), i.Target, i.Target?.EventId is { } id ? text.EventName(id) : null))],
            CanSubmit = CanSubmit(assessment, rules, today),
            JumpTargets = jumpTargets,
        };
    }

    public static bool CanSubmit(Assessment assessment, FlowRules rules, DateOnly today) =>
        assessment.IsEditable && Completeness.Check(assessment, rules.Method, rules.Catalogue, today).Count == 0;

    /// <summary>
    /// Core's completeness errors, each with the step that fixes it. Errors from re-validating a treatment name no
    /// event, so they are matched, in Core's order, to the lines whose treatment produces them.
    /// </summary>
    public static IReadOnlyList<(DomainError Error, FlowStep? Target)> Issues(Assessment assessment, FlowRules rules, DateOnly today)
    {
        var errors = Completeness.Check(assessment, rules.Method, rules.Catalogue, today);
        var byLine = new Queue<(DomainError Error, string EventId)>();
        foreach (var line in assessment.SelectedEvents.Select(c => assessment.Line(c.EventId)).OfType<RiskLine>().Where(l => l.Treatment is not null))
        {
            var again = Treatments.Validate(assessment, rules.Method, line, Completeness.AsInput(line.Treatment!), today);
            foreach (var error in again.Errors ?? [])
            {
                byLine.Enqueue((error, line.EventId));
            }
        }

        return [.. errors.Select(error => (error, Target(error, byLine)))];
    }

    private static FlowStep? Target(DomainError error, Queue<(DomainError Error, string EventId)> byLine)
    {
        var eventId = error.Args.GetValueOrDefault("event");
        switch (error.Code)
        {
            case AssessmentErrorCodes.MethodMismatch:
                return null;
            case AssessmentErrorCodes.FactsNotConfirmed:
                return FlowStep.Facts;
            case AssessmentErrorCodes.ProfileMissing:
                return FlowStep.Profile;
            case AssessmentErrorCodes.NoEventsSelected or AssessmentErrorCodes.BaselineDeselectedWithoutReason or AssessmentErrorCodes.ComplianceGapEventRequired:
                return FlowStep.Events;
            case AssessmentErrorCodes.LineNotScored when eventId is not null:
                return FlowStep.Score(eventId);
            case AssessmentErrorCodes.TreatmentMissing when eventId is not null:
                return FlowStep.Treatment(eventId);
        }

        if (byLine.TryPeek(out var next) && next.Error == error)
        {
            byLine.Dequeue();
            return FlowStep.Treatment(next.EventId);
        }

        return null;
    }

    private static SummaryLineView Line(Assessment assessment, string eventId, ViewText text)
    {
        var line = assessment.Line(eventId);
        return new SummaryLineView(
            text.Event(eventId),
            line is null ? null : text.Score(line.Score),
            line is null ? null : text.Dimension(line.Consequence.DecidingDimension),
            line?.Consequence.FlaggedToCommittee ?? false,
            line?.Treatment?.Kind,
            line?.Treatment?.Measures.Count ?? 0,
            line is null ? null : text.Score(line.Residual),
            FlowStep.Score(eventId),
            FlowStep.Treatment(eventId));
    }

    private static HeadlineView HeadlineOf(Headline headline, RiskMethod method, ViewText text) =>
        new(
            headline.Highest is null ? null : text.Band(headline.Highest),
            [.. method.Bands.OrderBy(b => b.Order).Select(b => new BandCountView(text.Band(b), headline.CountByBand.GetValueOrDefault(b.Id)))],
            headline.AboveAppetite);
}
