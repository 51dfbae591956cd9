using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>Each step's view as its card's model, field for field; the frame is the renderer's.</summary>
internal static class StepCardModels
{
    public static FactsCardModel Facts(FactsStepView view, FlowFrame frame) =>
        new(frame, view.Input.Facts, view.Confirmed);

    public static ProfileCardModel Profile(ProfileStepView view, FlowFrame frame) => new(
        frame,
        Dimension(view.Confidentiality),
        Dimension(view.Integrity),
        [.. view.Levels.Select(CardValues.Consequence)],
        view.ScoredLines,
        new ProfileCardInput(view.Input.Confidentiality, view.Input.ConfidentialityReason, view.Input.Integrity, view.Input.IntegrityReason));

    public static EventsCardModel Events(EventsStepView view, FlowFrame frame) => new(
        frame,
        [.. view.Groups.Select(g => new CardEventGroup(g.Id, g.Label, [.. g.Events.Select(Option)]))],
        [.. view.CustomEvents.Select(Option)],
        [.. view.Dimensions.Select(CardValues.Dimension)]);

    public static ScoreCardModel Score(ScoreStepView view, FlowFrame frame) => new(
        frame,
        CardValues.Event(view.Event),
        [.. view.TypicalMeasures.Select(m => new CardMeasureTick(m.Index, m.Text, m.Ticked))],
        view.LikelihoodQuestion,
        [.. view.LikelihoodLevels.Select(CardValues.Likelihood)],
        view.Availability is { } a ? Availability(a) : null,
        [.. view.ConsequenceLevels.Select(CardValues.Consequence)],
        new CardOverrideRule(view.Override.Allowed, view.Override.ReasonRequired, view.Override.FlagIfLoweredBy),
        view.Consequence is { } c ? Consequence(c) : null,
        view.Score is { } s ? CardValues.Score(s) : null,
        view.AppetiteStatement,
        new ScoreCardInput(
            view.Input.Likelihood, view.Input.ExistingMeasures ?? [], view.Input.ExpectedOutageHours, view.Input.ExpectedDataLossHours,
            view.Input.PeakBump, view.Input.PeakReason, view.Input.OverrideConsequence, view.Input.OverrideReason));

    /// <param name="addressOf">The e-mail address to show for a responsible person's object id.</param>
    public static TreatmentCardModel Treatment(TreatmentStepView view, FlowFrame frame, Func<string?, string?> addressOf)
    {
        var rule = view.Rule;
        var input = view.Input;
        return new TreatmentCardModel(
            frame,
            CardValues.Event(view.Event),
            CardValues.Score(view.Score),
            CardValues.Dimension(view.DecidingDimension),
            view.AppetiteStatement,
            new CardTreatmentRule(
                rule.AllowedKinds, rule.JustificationRequiredFor, rule.MeasuresRequiredFor, rule.InterimMeasuresRequired, rule.LatestDeadline,
                CardValues.Band(rule.ResidualTarget), rule.DecisionAuthorityLabel, rule.AcceptanceMaxMonths, rule.ComplianceGap),
            view.SuggestedMeasures,
            [.. view.TargetLikelihoods.Select(CardValues.Likelihood)],
            [.. view.TargetConsequences.Select(CardValues.Consequence)],
            view.Residual is { } r ? CardValues.Score(r) : null,
            new TreatmentCardInput(
                input.Kind,
                input.Justification,
                [.. (input.Measures ?? []).Select(m => new CardMeasureInput(
                    m.Id, m.Description, addressOf(m.ResponsibleObjectId), m.Deadline, m.TargetLikelihood, m.TargetConsequence, m.DeadlineExceptionReason))],
                [.. (input.InterimMeasures ?? []).Select(m => new CardInterimMeasureInput(m.Description, addressOf(m.ResponsibleObjectId)))]));
    }

    public static SummaryCardModel Summary(SummaryStepView view, FlowFrame frame)
    {
        // The jump list names Score and Treatment steps by their event, as the lines do.
        var names = view.Lines.GroupBy(l => l.Event.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Event.Name, StringComparer.Ordinal);
        return new SummaryCardModel(
            frame,
            [.. view.Profile.Select(p => new CardProfileValue(CardValues.Dimension(p.Dimension), p.Suggested, CardValues.Level(p.Value), p.Source, p.Reason))],
            [.. view.Lines.Select(l => new CardSummaryLine(
                CardValues.Event(l.Event), l.Score is { } s ? CardValues.Score(s) : null, l.Treatment, l.MeasureCount,
                l.Residual is { } r ? CardValues.Score(r) : null, l.OverrideFlagged))],
            [.. view.Deselected.Select(d => new CardDeselectedEvent(CardValues.Event(d.Event), d.Reason))],
            Headline(view.Headline),
            Headline(view.ResidualHeadline),
            view.Flags,
            [.. view.Issues.Select(i => new CardCompletenessIssue(i.Error.Message, i.Target is { } t ? CardValues.Step(t) : null))],
            view.CanSubmit,
            [.. view.JumpTargets.Select(t => new CardJumpTarget(
                CardValues.Step(t), t.EventId is { } id && names.TryGetValue(id, out var name) ? name : null))]);
    }

    private static ProfileCardDimension Dimension(ProfileDimensionView d) =>
        new(CardValues.Dimension(d.Dimension), d.Suggested, d.Saved, d.ReasonRequired);

    /// <summary>
    /// The card shows a reason input only where the model says a reason is required; a reason already given for a
    /// dropped suggested or custom event gets its input too, or Next on an unchanged card would erase it.
    /// </summary>
    private static CardEventOption Option(EventOptionView o) => new(
        CardValues.Event(o.Event), o.Origin, o.Selected, o.DeselectionReason,
        o.ReasonRequiredToDeselect || o.DeselectionReason is not null, o.RequiredByComplianceGap, o.Scored);

    private static CardAvailability Availability(AvailabilityView a) => new(
        a.QuickPicksHours, a.MtdHours, a.RpoHours, a.PeakBumpAllowed, a.PeakBumpMax, a.PeakReasonRequired, a.HasPeakPeriods,
        a.Result is { } r ? new CardAvailabilityResult(r.ExpectedOutageHours, r.Ratio, r.DataLossBeyondRpo, r.PeakBump, CardValues.Level(r.Level)) : null);

    private static CardConsequence Consequence(ConsequenceView c) => new(
        [.. c.Components.Select(p => new CardConsequenceComponent(CardValues.Dimension(p.Dimension), CardValues.Level(p.Level)))],
        CardValues.Level(c.Computed),
        CardValues.Dimension(c.DecidingDimension),
        c.Override is { } o ? CardValues.Level(o) : null,
        CardValues.Level(c.Effective),
        c.FlaggedToCommittee);

    private static CardHeadline Headline(HeadlineView h) => new(
        h.Highest is { } b ? CardValues.Band(b) : null,
        [.. h.Counts.Select(c => new CardBandCount(CardValues.Band(c.Band), c.Count))],
        h.AboveAppetite);
}
