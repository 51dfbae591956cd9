using System.Globalization;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>
/// Step 6 for one line (risk-method.md §2.1 step 6, §3.4, §3.5 rules 4, 5 and 7): the line's score, the treatments
/// its band allows (a compliance gap only reduce or avoid), what each needs, the deadline limit, and the expected
/// residual for the plan in <see cref="Input"/>.
/// </summary>
public sealed record TreatmentStepView : StepView
{
    public required EventView Event { get; init; }

    /// <summary>The current risk (existing measures counted, D4).</summary>
    public required ScoreView Score { get; init; }

    public required DimensionView DecidingDimension { get; init; }

    public required string AppetiteStatement { get; init; }

    public required TreatmentRuleView Rule { get; init; }

    /// <summary>The catalogue's typical measures not in place today: suggestions for new measures.</summary>
    public required IReadOnlyList<string> SuggestedMeasures { get; init; }

    /// <summary>Target likelihoods a measure may aim for: not above the current one.</summary>
    public required IReadOnlyList<LikelihoodLevelView> TargetLikelihoods { get; init; }

    /// <summary>Target consequences a measure may aim for: not above the current one.</summary>
    public required IReadOnlyList<ConsequenceLevelView> TargetConsequences { get; init; }

    /// <summary>The expected residual of the plan in the input, once it is valid; null for a plan without measures.</summary>
    public required ScoreView? Residual { get; init; }

    public required TreatmentStepInput Input { get; init; }
}

/// <summary>
/// What the band requires of the owner. <see cref="LatestDeadline"/> is today plus <see cref="MeasureDeadlineMaxDays"/>;
/// a later deadline needs an exception reason. <see cref="ComplianceGap"/> names the gap (risk-method.md §7) on this line.
/// </summary>
public sealed record TreatmentRuleView(
    IReadOnlyList<TreatmentKind> AllowedKinds,
    IReadOnlyList<TreatmentKind> JustificationRequiredFor,
    IReadOnlyList<TreatmentKind> MeasuresRequiredFor,
    IReadOnlyList<TreatmentKind> MeasuresAllowedFor,
    bool InterimMeasuresRequired,
    int? MeasureDeadlineMaxDays,
    DateOnly? LatestDeadline,
    BandView ResidualTarget,
    Role DecisionAuthority,
    string DecisionAuthorityLabel,
    int AcceptanceMaxMonths,
    bool CommitteeRecommendationRequired,
    string? ComplianceGap);

internal static class TreatmentStep
{
    public static StepOutcome Apply(Assessment assessment, TreatmentStepInput input, FlowRules rules, DateOnly today)
    {
        if (input.Kind is null)
        {
            return StepOutcome.Refused(assessment, [new FieldError(FlowFields.Kind, DomainError.Of(AssessmentErrorCodes.TreatmentMissing, ("event", input.EventId)))]);
        }

        var core = ToCore(input, id => string.IsNullOrWhiteSpace(id) ? rules.Ids.NewId() : id);
        var line = assessment.Line(input.EventId);
        return StepOutcome.From(assessment, Treatments.Propose(assessment, rules.Method, input.EventId, core, today), e => Field(e, input, line, rules.Method.Scale));
    }

    public static TreatmentStepView Build(Assessment assessment, RiskLine line, TreatmentStepInput? pending, FlowRules rules, ViewText text, DateOnly today)
    {
        var method = rules.Method;
        var e = EventSelection.Find(assessment, rules.Catalogue, line.EventId)
            ?? throw new InvalidOperationException($"Event {line.EventId} is neither in the catalogue nor a custom event of {assessment.Id}.");
        var input = pending ?? FromTreatment(line.EventId, line.Treatment);

        RiskScore? residual = null;
        if (input.Kind is not null)
        {
            var preview = Treatments.Validate(assessment, method, line, ToCore(input, id => id ?? string.Empty), today);
            residual = preview.IsSuccess ? preview.Value.Residual : null;
        }

        return new TreatmentStepView
        {
            Event = text.Event(e),
            Score = text.Score(line.Score),
            DecidingDimension = text.Dimension(line.Consequence.DecidingDimension),
            AppetiteStatement = text.Of(method.Appetite.Statement),
            Rule = Rule(assessment, method, line, text, today),
            SuggestedMeasures = [.. e.Measures.Where((_, i) => !line.ExistingMeasures.Contains(i)).Select(text.Of)],
            TargetLikelihoods = text.LikelihoodLevels(line.Likelihood.Value),
            TargetConsequences = text.ConsequenceLevels(line.Consequence.Effective.Value),
            Residual = residual is null ? null : text.Score(residual),
            Input = input,
        };
    }

    /// <summary>The band's rule as the owner meets it; mirrors <see cref="Treatments.Validate"/>, which stays the judge.</summary>
    private static TreatmentRuleView Rule(Assessment assessment, RiskMethod method, RiskLine line, ViewText text, DateOnly today)
    {
        var band = line.Score.Band;
        var rule = method.RuleFor(band);
        var gap = Flags.ComplianceGapOn(assessment, method, line.EventId);
        var allowed = rule.AllowedDecisions
            .Where(k => gap is null || k is TreatmentKind.Reduce or TreatmentKind.Avoid)
            .Where(k => !(k == TreatmentKind.Accept && rule.InterimMeasuresRequired))
            .ToList();
        var justification = allowed.Where(k => k switch
        {
            TreatmentKind.Accept => rule.JustificationRequired || !line.Score.WithinAppetite,
            TreatmentKind.Avoid or TreatmentKind.Share => true,
            _ => false,
        }).ToList();
        var maxDays = gap is null ? rule.MeasureDeadlineMaxDays : Math.Min(rule.MeasureDeadlineMaxDays ?? int.MaxValue, Treatments.ComplianceGapMeasureMaxDays);
        var authority = method.Roles[rule.DecisionAuthority];
        return new TreatmentRuleView(
            allowed,
            justification,
            [.. allowed.Where(k => k == TreatmentKind.Reduce)],
            [.. allowed.Where(k => k != TreatmentKind.Accept)],
            rule.InterimMeasuresRequired,
            maxDays,
            maxDays is { } days ? today.AddDays(days) : null,
            text.Band(rule.ResidualTargetBand is { } target ? method.Band(target) : method.AppetiteBand),
            authority.Role,
            text.Of(authority.Label),
            rule.AcceptanceMaxMonths,
            rule.CommitteeRecommendationRequired,
            gap);
    }

    /// <summary>The saved treatment, so a step visited again shows what was entered.</summary>
    public static TreatmentStepInput FromTreatment(string eventId, Treatment? treatment) =>
        treatment is null
            ? new TreatmentStepInput(eventId, null)
            : new TreatmentStepInput(
                eventId, treatment.Kind, treatment.Justification,
                [.. treatment.Measures.Select(m => new MeasureStepInput(m.Id, m.Description, m.ResponsibleObjectId, m.Deadline, m.TargetLikelihood.Value, m.TargetConsequence.Value, m.DeadlineExceptionReason))],
                [.. treatment.InterimMeasures.Select(m => new InterimMeasureInput(m.Description, m.ResponsibleObjectId))]);

    private static TreatmentInput ToCore(TreatmentStepInput input, Func<string?, string> id) =>
        new(
            input.Kind!.Value.Id(),
            input.Justification,
            [.. (input.Measures ?? []).Select(m => new MeasureInput(id(m.Id), m.Description, m.ResponsibleObjectId, m.Deadline, m.TargetLikelihood, m.TargetConsequence, m.DeadlineExceptionReason))],
            input.InterimMeasures);

    private static string Field(DomainError error, TreatmentStepInput input, RiskLine? line, Scale scale)
    {
        switch (error.Code)
        {
            case AssessmentErrorCodes.JustificationRequired or AssessmentErrorCodes.ResidualAboveTarget:
                return FlowFields.Justification;
            case AssessmentErrorCodes.MeasuresRequired:
                return FlowFields.Measures;
            case AssessmentErrorCodes.InterimMeasuresRequired:
                return FlowFields.InterimMeasures;
            case AssessmentErrorCodes.LineNotScored:
                return FlowFields.Step;
        }

        if (!error.Code.StartsWith("measure.", StringComparison.Ordinal))
        {
            return FlowFields.Kind;
        }

        // Core numbers measures from 1 ("2") and interim measures as "interim 1".
        var measure = error.Args.GetValueOrDefault("measure", string.Empty);
        var interim = measure.StartsWith("interim ", StringComparison.Ordinal);
        if (!int.TryParse(interim ? measure["interim ".Length..] : measure, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return interim ? FlowFields.InterimMeasures : FlowFields.Measures;
        }

        var index = number - 1;
        var entered = interim ? null : input.Measures?.ElementAtOrDefault(index);
        var property = error.Code switch
        {
            AssessmentErrorCodes.MeasureDescriptionRequired => "description",
            AssessmentErrorCodes.MeasureResponsibleRequired => "responsibleObjectId",
            AssessmentErrorCodes.MeasureDeadlineInPast or AssessmentErrorCodes.MeasureDeadlineTooLate => "deadline",
            AssessmentErrorCodes.MeasureTargetAboveCurrent => line is not null && entered?.TargetLikelihood > line.Likelihood.Value ? "targetLikelihood" : "targetConsequence",
            _ => entered?.TargetLikelihood is { } tl && scale.Contains(tl) ? "targetConsequence" : "targetLikelihood",
        };
        return interim ? FlowFields.InterimMeasure(index, property) : FlowFields.Measure(index, property);
    }
}
