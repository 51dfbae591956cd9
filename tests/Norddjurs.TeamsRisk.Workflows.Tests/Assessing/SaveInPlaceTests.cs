using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Assessing;

/// <summary>Save (the cards' "Beregn" / "Tilføj"): the answers are saved like Next, but the owner stays on the step.</summary>
public sealed class SaveInPlaceTests
{
    private readonly GuidedFlow _flow = Given.Flow();

    [Fact]
    public void Saving_a_score_stays_on_the_score_step_and_shows_the_points()
    {
        var state = Given.AtEvents(_flow);
        state = _flow.Next(state, Given.Keep(state, Given.Power, Given.Network));

        var saved = _flow.Save(state, new ScoreStepInput(Given.Power, 2, ExpectedOutageHours: 1), Given.Today);

        Assert.True(saved.Accepted);
        Assert.Equal(FlowStep.Score(Given.Power), saved.State.Step);
        Assert.NotNull(saved.State.Assessment.Line(Given.Power));
        Assert.NotNull(Assert.IsType<ScoreStepView>(saved.View).Score);
    }

    [Fact]
    public void A_refused_save_changes_nothing_and_says_why()
    {
        var state = Given.AtEvents(_flow);
        state = _flow.Next(state, Given.Keep(state, Given.Power));

        var refused = _flow.Save(state, new ScoreStepInput(Given.Power, 9, ExpectedOutageHours: 1), Given.Today);

        Assert.False(refused.Accepted);
        Assert.Same(state, refused.State);
        Assert.Contains(refused.Errors, e => e.Field == FlowFields.Likelihood);
    }

    [Fact]
    public void Saving_after_a_jump_keeps_the_way_back_to_the_summary()
    {
        var summary = Given.HomeCareAtSummary(_flow);
        var jumped = _flow.JumpTo(summary, FlowStep.Profile, Given.Today).Accepted();
        var input = ((ProfileStepView)_flow.View(jumped, Given.Today)).Input;

        var saved = _flow.Save(jumped, input, Given.Today);

        Assert.True(saved.Accepted);
        Assert.Equal(FlowStep.Profile, saved.State.Step);
        Assert.True(saved.State.FromSummary);
        Assert.Equal(FlowStep.Summary, _flow.Next(saved.State, input, Given.Today).State.Step);
    }
}
