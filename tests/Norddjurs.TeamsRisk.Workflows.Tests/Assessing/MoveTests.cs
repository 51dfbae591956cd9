using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Assessing;

/// <summary>Next, Back and JumpTo (design.md §8), the step list and the position shown to the owner.</summary>
public sealed class MoveTests
{
    private readonly GuidedFlow _flow = Given.Flow();

    private static void RefusedAsNotAllowed(FlowResult result, FlowState before)
    {
        Assert.False(result.Accepted);
        Assert.Same(before, result.State);
        var error = Assert.Single(result.Errors);
        Assert.Equal(FlowFields.Step, error.Field);
        Assert.Equal(FlowErrorCodes.MoveNotAllowed, error.Error.Code);
        Assert.Equal("Det kan du ikke gøre på dette trin.", error.Message);
    }

    [Fact]
    public void The_steps_are_facts_profile_events_a_score_per_event_a_treatment_per_line_and_the_summary()
    {
        var state = Given.AtEvents(_flow);
        state = _flow.Next(state, Given.Keep(state, Given.Power, Given.Network, Given.Ransomware, Given.Phishing));
        Assert.Equal(
            [
                FlowStep.Facts, FlowStep.Profile, FlowStep.Events,
                FlowStep.Score(Given.Power), FlowStep.Score(Given.Network), FlowStep.Score(Given.Ransomware), FlowStep.Score(Given.Phishing),
                FlowStep.Treatment(Given.Power), FlowStep.Treatment(Given.Network), FlowStep.Treatment(Given.Ransomware), FlowStep.Treatment(Given.Phishing),
                FlowStep.Summary,
            ],
            GuidedFlow.Steps(state.Assessment));
    }

    [Fact]
    public void The_first_score_step_of_four_events_is_step_4_of_12()
    {
        var state = Given.AtEvents(_flow);
        state = _flow.Next(state, Given.Keep(state, Given.Power, Given.Network, Given.Ransomware, Given.Phishing));
        var view = _flow.View(state, Given.Today);
        Assert.Equal(FlowStepKind.Score, view.Kind);
        Assert.Equal((4, 12), (view.Position, view.Count));
        Assert.Equal(new AllowedMoves(Next: true, Back: true, JumpTo: false), view.Moves);
    }

    [Fact]
    public void The_first_step_is_1_of_as_many_as_the_preselection_gives_and_cannot_go_back()
    {
        var state = Given.Started();
        var view = _flow.View(state, Given.Today);
        var preselected = state.Assessment.SelectedEvents.Count;
        Assert.Equal((1, 3 + (2 * preselected) + 1), (view.Position, view.Count));
        Assert.Equal(new AllowedMoves(Next: true, Back: false, JumpTo: false), view.Moves);
        RefusedAsNotAllowed(_flow.Back(state, Given.Today), state);
    }

    [Fact]
    public void The_summary_is_the_last_step_and_Next_there_is_not_a_move()
    {
        var state = Given.HomeCareAtSummary(_flow);
        var view = _flow.View(state, Given.Today);
        Assert.Equal((10, 10), (view.Position, view.Count));
        RefusedAsNotAllowed(_flow.Next(state, new FactsStepInput(Given.HomeCare), Given.Today), state);
    }

    [Fact]
    public void Back_keeps_the_saved_answers_and_saves_nothing_new()
    {
        var state = Given.AtEvents(_flow);
        state = _flow.Next(state, Given.Keep(state, Given.Power, Given.Network));
        state = _flow.Next(state, new ScoreStepInput(Given.Power, 2, ExistingMeasures: [0, 1], ExpectedOutageHours: 1));
        var atNetwork = state;

        var back = _flow.Back(state, Given.Today);
        Assert.True(back.Accepted);
        Assert.Equal(FlowStep.Score(Given.Power), back.State.Step);
        Assert.Same(atNetwork.Assessment, back.State.Assessment);
        var power = Assert.IsType<ScoreStepView>(back.View);
        Assert.Equal(2, power.Input.Likelihood);
        Assert.Equal(1, power.Input.ExpectedOutageHours);
        Assert.Equal([true, true, false, false], power.TypicalMeasures.Select(m => m.Ticked));
        Assert.Equal(2, power.Score!.Points);

        state = _flow.Back(back.State, Given.Today).State;
        var events = _flow.View<EventsStepView>(state);
        Assert.Equal([Given.Power, Given.Network], events.Input.Selected);
        Assert.Equal("Vurderes i en anden vurdering i eksemplet", events.Input.DeselectionReasons!["HUM-STAFF"]);

        state = _flow.Back(state, Given.Today).State;
        Assert.Equal(new ProfileStepInput(4, null, 4, null), _flow.View<ProfileStepView>(state).Input);
        Assert.Equal(4, _flow.View<ProfileStepView>(state).Confidentiality.Saved);
    }

    [Fact]
    public void Next_after_Back_goes_through_the_saved_steps_again_and_keeps_them()
    {
        var state = Given.HomeCareAtSummary(_flow);
        for (var i = 0; i < 4; i++)
        {
            state = _flow.Back(state, Given.Today).State;
        }

        Assert.Equal(FlowStep.Score(Given.Ransomware), state.Step);
        var view = _flow.View<ScoreStepView>(state);
        state = _flow.Next(state, view.Input);
        Assert.Equal(FlowStep.Treatment(Given.Power), state.Step);
        Assert.Equal(TreatmentKind.Accept, _flow.View<TreatmentStepView>(state).Input.Kind);
    }

    [Fact]
    public void A_jump_from_the_summary_to_a_score_step_returns_to_the_summary_after_Next()
    {
        var state = Given.HomeCareAtSummary(_flow);
        Assert.Contains(FlowStep.Score(Given.Network), _flow.View<SummaryStepView>(state).JumpTargets);

        var jumped = _flow.JumpTo(state, FlowStep.Score(Given.Network), Given.Today);
        Assert.True(jumped.Accepted);
        Assert.True(jumped.State.FromSummary);
        Assert.True(jumped.View.ReturnsToSummary);
        Assert.Equal(3, Assert.IsType<ScoreStepView>(jumped.View).Input.Likelihood);

        var edited = _flow.Next(jumped.State, new ScoreStepInput(Given.Network, 2, ExpectedOutageHours: 6), Given.Today);
        Assert.True(edited.Accepted);
        Assert.Equal(FlowStep.Summary, edited.State.Step);
        Assert.False(edited.State.FromSummary);
        var summary = Assert.IsType<SummaryStepView>(edited.View);
        Assert.Equal((6, "Middel"), (summary.Lines[1].Score!.Points, summary.Lines[1].Score!.Band.Label));
        Assert.True(summary.CanSubmit);
    }

    [Fact]
    public void Back_from_a_step_reached_by_a_jump_returns_to_the_summary_without_saving()
    {
        var state = Given.HomeCareAtSummary(_flow);
        var jumped = _flow.JumpTo(state, FlowStep.Profile, Given.Today).State;
        var back = _flow.Back(jumped, Given.Today);
        Assert.Equal(FlowStep.Summary, back.State.Step);
        Assert.False(back.State.FromSummary);
        Assert.Same(state.Assessment, back.State.Assessment);
    }

    [Fact]
    public void A_jump_from_any_step_but_the_summary_is_refused()
    {
        var state = _flow.Next(Given.Started(), new FactsStepInput(Given.HomeCare));
        Assert.Equal(FlowStep.Profile, state.Step);
        RefusedAsNotAllowed(_flow.JumpTo(state, FlowStep.Facts, Given.Today), state);
    }

    [Fact]
    public void A_jump_to_a_step_that_does_not_exist_or_to_the_summary_itself_is_refused()
    {
        var state = Given.HomeCareAtSummary(_flow);
        RefusedAsNotAllowed(_flow.JumpTo(state, FlowStep.Score("HUM-STAFF"), Given.Today), state);
        RefusedAsNotAllowed(_flow.JumpTo(state, FlowStep.Treatment("NOPE"), Given.Today), state);
        RefusedAsNotAllowed(_flow.JumpTo(state, FlowStep.Summary, Given.Today), state);
    }

    [Fact]
    public void An_answer_for_another_step_is_refused_as_the_step_has_changed()
    {
        var state = Given.AtEvents(_flow);
        state = _flow.Next(state, Given.Keep(state, Given.Power, Given.Network));
        state = _flow.Next(state, new ScoreStepInput(Given.Power, 2, ExpectedOutageHours: 1));

        // An old card for the power event is clicked while the flow is at the network event.
        var result = _flow.Next(state, new ScoreStepInput(Given.Power, 4, ExpectedOutageHours: 100), Given.Today, Core.Language.English);
        Assert.Same(state, result.State);
        var error = Assert.Single(result.Errors);
        Assert.Equal(FlowErrorCodes.StepChanged, error.Error.Code);
        Assert.Equal("The assessment has moved on, perhaps in another window. This is the step it is at now.", error.Message);
        Assert.Equal(FlowStep.Score(Given.Network), result.View.Step);
    }

    [Fact]
    public void A_stored_state_whose_step_can_no_longer_be_shown_opens_at_the_step_that_fixes_it()
    {
        var state = Given.AtEvents(_flow);
        state = _flow.Next(state, Given.Keep(state, Given.Power, Given.Network));

        Assert.Equal(FlowStep.Events, _flow.View(state with { Step = FlowStep.Score("HUM-STAFF") }, Given.Today).Step);
        Assert.Equal(FlowStep.Summary, _flow.View(state with { Step = FlowStep.Score("HUM-STAFF"), FromSummary = true }, Given.Today).Step);
        Assert.Equal(FlowStep.Score(Given.Network), _flow.View(state with { Step = FlowStep.Treatment(Given.Network) }, Given.Today).Step);
        Assert.Equal(FlowStep.Profile, _flow.View(state with { Step = FlowStep.Score(Given.Power), Assessment = state.Assessment with { Integrity = null } }, Given.Today).Step);
    }
}
