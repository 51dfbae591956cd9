using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>
/// The guided assessment (design.md §8; risk-method.md §2.1 steps 3–7) as one state machine for both renderers:
/// Facts → Profile → Events → a Score step per selected event → a Treatment step per line → Summary.
/// Next saves the step's answers through the Core engine and moves on; Back moves without saving; a jump is only
/// allowed from the summary, and Next after it returns there. Pure and synchronous: the method and catalogue the
/// assessment pinned, today's date and new ids come from outside.
/// </summary>
public sealed class GuidedFlow
{
    private readonly FlowRules _rules;

    public GuidedFlow(RiskMethod method, EventCatalogue catalogue, IIdSource ids)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(ids);
        _rules = new FlowRules(method, catalogue, ids);
    }

    /// <summary>The flow for an assessment, at its first step.</summary>
    public static FlowState Start(Assessment assessment) => new(assessment, FlowStep.Facts);

    /// <summary>The steps of the flow for the assessment as it is; the Score and Treatment steps follow the selected events.</summary>
    public static IReadOnlyList<FlowStep> Steps(Assessment assessment)
    {
        var selected = assessment.SelectedEvents.Select(e => e.EventId).ToList();
        return [FlowStep.Facts, FlowStep.Profile, FlowStep.Events, .. selected.Select(FlowStep.Score), .. selected.Select(FlowStep.Treatment), FlowStep.Summary];
    }

    /// <summary>
    /// Saves the step's answers and moves to the next step, or to the summary after a jump. On any error the state
    /// is returned unchanged and the view of the same step carries every error and the answers as entered.
    /// </summary>
    public FlowResult Next(FlowState state, StepInput input, DateOnly today, Language language = Language.Danish) =>
        Apply(state, input, today, language, stay: false);

    /// <summary>
    /// Saves the step's answers like <see cref="Next"/> but stays on the step, e.g. to see the points of a new
    /// likelihood, to get a fresh row after adding a measure, or an added custom event in the list.
    /// </summary>
    public FlowResult Save(FlowState state, StepInput input, DateOnly today, Language language = Language.Danish) =>
        Apply(state, input, today, language, stay: true);

    private FlowResult Apply(FlowState state, StepInput input, DateOnly today, Language language, bool stay)
    {
        ArgumentNullException.ThrowIfNull(input);
        state = Resolve(state);
        if (state.Step.Kind == FlowStepKind.Summary)
        {
            return Refused(state, MoveNotAllowed("next"), today, language);
        }

        if (input.Step != state.Step)
        {
            return Refused(state, DomainError.Of(FlowErrorCodes.StepChanged, ("step", state.Step)), today, language);
        }

        var assessment = state.Assessment;
        if (!AssessmentStart.Pins(assessment, _rules.Method, _rules.Catalogue))
        {
            return Refused(state, DomainError.Of(AssessmentErrorCodes.MethodMismatch, ("method", $"{assessment.Method.Id} {assessment.Method.Version}")), today, language);
        }

        if (!assessment.IsEditable)
        {
            return Refused(state, DomainError.Of(AssessmentErrorCodes.NotEditable, ("assessment", assessment.Id)), today, language);
        }

        var outcome = input switch
        {
            FactsStepInput facts => FactsStep.Apply(assessment, facts, _rules),
            ProfileStepInput profile => ProfileStep.Apply(assessment, profile, _rules),
            EventsStepInput events => EventsStep.Apply(assessment, events, _rules),
            ScoreStepInput score => ScoreStep.Apply(assessment, score, _rules),
            TreatmentStepInput treatment => TreatmentStep.Apply(assessment, treatment, _rules, today),
            _ => throw new ArgumentException($"Unknown step input {input.GetType().Name}.", nameof(input)),
        };
        if (!outcome.Accepted)
        {
            return new FlowResult(state, Build(state, today, language, outcome.Errors, input));
        }

        var updated = outcome.Assessment;
        if (stay)
        {
            return Moved(Resolve(state with { Assessment = updated }), today, language);
        }

        var steps = Steps(updated);
        var next = state.FromSummary ? FlowStep.Summary : steps[IndexOf(steps, state.Step) + 1];
        return Moved(new FlowState(updated, next), today, language);
    }

    /// <summary>The previous step, or the summary when the step was reached by a jump. Nothing is validated or saved.</summary>
    public FlowResult Back(FlowState state, DateOnly today, Language language = Language.Danish)
    {
        state = Resolve(state);
        if (state.FromSummary)
        {
            return Moved(state with { Step = FlowStep.Summary, FromSummary = false }, today, language);
        }

        var steps = Steps(state.Assessment);
        var index = IndexOf(steps, state.Step);
        return index <= 0
            ? Refused(state, MoveNotAllowed("back"), today, language)
            : Moved(state with { Step = steps[index - 1] }, today, language);
    }

    /// <summary>From the summary to any step that exists and can be shown; Next on that step returns to the summary.</summary>
    public FlowResult JumpTo(FlowState state, FlowStep target, DateOnly today, Language language = Language.Danish)
    {
        ArgumentNullException.ThrowIfNull(target);
        state = Resolve(state);
        return state.Step.Kind == FlowStepKind.Summary && JumpTargets(state.Assessment).Contains(target)
            ? Moved(state with { Step = target, FromSummary = true }, today, language)
            : Refused(state, MoveNotAllowed("jumpTo", target), today, language);
    }

    /// <summary>The view of the current step with the saved answers.</summary>
    public StepView View(FlowState state, DateOnly today, Language language = Language.Danish) =>
        Build(Resolve(state), today, language, [], pending: null);

    /// <summary>
    /// The view of the current step for answers not saved yet, so a page can show the consequence, points, band,
    /// appetite and residual while the owner types. Nothing is validated or saved; an input for another step is ignored.
    /// </summary>
    public StepView Preview(FlowState state, StepInput input, DateOnly today, Language language = Language.Danish)
    {
        ArgumentNullException.ThrowIfNull(input);
        state = Resolve(state);
        return Build(state, today, language, [], input.Step == state.Step ? input : null);
    }

    /// <summary>Whether the assessment may be submitted now: in progress and complete (risk-method.md §3.5).</summary>
    public bool CanSubmit(FlowState state, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        return SummaryStep.CanSubmit(state.Assessment, _rules, today);
    }

    /// <summary>What still stops the submission, as Core's completeness check reports it.</summary>
    public IReadOnlyList<DomainError> CompletenessErrors(FlowState state, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Completeness.Check(state.Assessment, _rules.Method, _rules.Catalogue, today);
    }

    /// <summary>The steps a jump from the summary may reach: all but the summary, and a Treatment step only once its event is scored.</summary>
    public static IReadOnlyList<FlowStep> JumpTargets(Assessment assessment) =>
        [.. Steps(assessment).Where(s => s.Kind != FlowStepKind.Summary && CanShow(assessment, s))];

    /// <summary>
    /// A step can be shown once what it builds on is saved: a Score step needs the profile, a Treatment step its line.
    /// The linear flow guarantees this; a stored state that no longer does is moved to the step that fixes it.
    /// </summary>
    private static bool CanShow(Assessment assessment, FlowStep step) => step.Kind switch
    {
        FlowStepKind.Score => assessment.Confidentiality is not null && assessment.Integrity is not null,
        FlowStepKind.Treatment => assessment.Line(step.EventId!) is not null,
        _ => true,
    };

    private static FlowState Resolve(FlowState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var assessment = state.Assessment;
        if (!Steps(assessment).Contains(state.Step))
        {
            // The step's event is no longer selected.
            return state.FromSummary ? state with { Step = FlowStep.Summary, FromSummary = false } : state with { Step = FlowStep.Events };
        }

        if (CanShow(assessment, state.Step))
        {
            return state;
        }

        // A Treatment step without its line goes to the line's Score step; a Score step without the profile to the profile.
        var score = FlowStep.Score(state.Step.EventId!);
        return state with { Step = state.Step.Kind == FlowStepKind.Treatment && CanShow(assessment, score) ? score : FlowStep.Profile };
    }

    private static int IndexOf(IReadOnlyList<FlowStep> steps, FlowStep step)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] == step)
            {
                return i;
            }
        }

        return -1;
    }

    private static DomainError MoveNotAllowed(string move, FlowStep? target = null) =>
        target is null
            ? DomainError.Of(FlowErrorCodes.MoveNotAllowed, ("move", move))
            : DomainError.Of(FlowErrorCodes.MoveNotAllowed, ("move", move), ("target", target));

    private FlowResult Moved(FlowState state, DateOnly today, Language language) =>
        new(state, Build(state, today, language, [], pending: null));

    private FlowResult Refused(FlowState state, DomainError error, DateOnly today, Language language) =>
        new(state, Build(state, today, language, [new FieldError(FlowFields.Step, error)], pending: null));

    private StepView Build(FlowState state, DateOnly today, Language language, IReadOnlyList<FieldError> errors, StepInput? pending)
    {
        var assessment = state.Assessment;
        var text = new ViewText(_rules.Method, _rules.Catalogue, assessment, language);
        var step = state.Step;
        StepView view = step.Kind switch
        {
            FlowStepKind.Facts => FactsStep.Build(assessment, pending as FactsStepInput),
            FlowStepKind.Profile => ProfileStep.Build(assessment, pending as ProfileStepInput, _rules, text),
            FlowStepKind.Events => EventsStep.Build(assessment, pending as EventsStepInput, _rules, text),
            FlowStepKind.Score => ScoreStep.Build(assessment, step.EventId!, pending as ScoreStepInput, _rules, text),
            FlowStepKind.Treatment => TreatmentStep.Build(assessment, assessment.Line(step.EventId!)!, pending as TreatmentStepInput, _rules, text, today),
            _ => SummaryStep.Build(assessment, _rules, text, today, JumpTargets(assessment)),
        };

        var steps = Steps(assessment);
        var isSummary = step.Kind == FlowStepKind.Summary;
        return view with
        {
            Step = step,
            Position = IndexOf(steps, step) + 1,
            Count = steps.Count,
            Moves = new AllowedMoves(Next: !isSummary && assessment.IsEditable, Back: state.FromSummary || IndexOf(steps, step) > 0, JumpTo: isSummary),
            ReturnsToSummary = state.FromSummary,
            Language = language,
            Errors = [.. errors.Select(text.Error)],
        };
    }
}

/// <summary>The state after a move (unchanged when it was refused) and the view to show.</summary>
public sealed record FlowResult(FlowState State, StepView View)
{
    public bool Accepted => View.Errors.Count == 0;

    public IReadOnlyList<FlowError> Errors => View.Errors;
}
