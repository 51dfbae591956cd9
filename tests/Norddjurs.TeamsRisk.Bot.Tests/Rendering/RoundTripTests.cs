using Norddjurs.TeamsRisk.Bot.Rendering;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Testing.Cards;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Tests.Rendering;

/// <summary>
/// Next on an unchanged card saves the same answers: for every step of the home-care walk, the view's saved answers
/// go onto the card, come back through the inputs Teams sends, and are what the reader reads and the flow saves.
/// </summary>
public sealed class RoundTripTests
{
    private readonly GuidedFlow _flow = HomeCare.Flow();
    private readonly StepCardRenderer _renderer;
    private readonly StepInputReader _reader;

    public RoundTripTests()
    {
        var directory = HomeCare.Directory();
        _renderer = new StepCardRenderer(directory);
        _reader = new StepInputReader(directory);
    }

    public static TheoryData<string, Language> Steps()
    {
        var data = new TheoryData<string, Language>();
        foreach (var step in GuidedFlow.Steps(HomeCare.AtSummary(HomeCare.Flow()).Assessment).Where(s => s.Kind != FlowStepKind.Summary))
        {
            data.Add(step.ToString(), Language.Danish);
            data.Add(step.ToString(), Language.English);
        }

        return data;
    }

    [Theory, MemberData(nameof(Steps))]
    public async Task Next_on_an_unchanged_card_reads_back_the_saved_answers_and_saves_them_again(string step, Language language)
    {
        var state = HomeCare.AtSummary(_flow);
        var flowStep = GuidedFlow.Steps(state.Assessment).Single(s => s.ToString() == step);
        var view = HomeCare.ViewAt(_flow, state, flowStep, language);
        var card = await _renderer.RenderAsync(view, HomeCare.Frame(), CancellationToken.None);

        var read = await _reader.ReadAsync(view, card, CardVerbs.Next);

        Assert.Empty(read.Errors);
        var saved = Input(view);
        SameInput.Assert(saved, read.Input);
        var again = _flow.Next(state with { Step = flowStep }, read.Input, HomeCare.Today, language);
        Assert.True(again.Accepted, string.Join("; ", again.Errors.Select(e => e.Message)));
        SameInput.Assert(saved, Input(HomeCare.ViewAt(_flow, again.State, flowStep, language)));
    }

    [Fact]
    public async Task The_summary_jump_choice_reads_back_as_the_step_it_names()
    {
        var state = HomeCare.AtSummary(_flow);
        var view = Assert.IsType<SummaryStepView>(_flow.View(state, HomeCare.Today));
        var card = await _renderer.RenderAsync(view, HomeCare.Frame(), CancellationToken.None);

        foreach (var target in view.JumpTargets)
        {
            var data = CardActions.Press(card, CardVerbs.Jump, (CardInputIds.JumpTarget, CardValues.Step(target).Token));
            var read = StepInputReader.ReadJumpTarget(System.Text.Json.JsonSerializer.SerializeToElement(data));
            Assert.Equal(target, read);
            Assert.True(_flow.JumpTo(state, read!, HomeCare.Today).Accepted);
        }
    }

    [Fact]
    public async Task The_summary_offers_its_first_jump_target_unchanged()
    {
        var state = HomeCare.AtSummary(_flow);
        var view = Assert.IsType<SummaryStepView>(_flow.View(state, HomeCare.Today));
        var card = await _renderer.RenderAsync(view, HomeCare.Frame(), CancellationToken.None);

        var data = CardActions.Press(card, CardVerbs.Jump);
        Assert.Equal(view.JumpTargets[0], StepInputReader.ReadJumpTarget(System.Text.Json.JsonSerializer.SerializeToElement(data)));
    }

    private static StepInput Input(StepView view) => view switch
    {
        FactsStepView v => v.Input,
        ProfileStepView v => v.Input,
        EventsStepView v => v.Input,
        ScoreStepView v => v.Input,
        TreatmentStepView v => v.Input,
        _ => throw new ArgumentException(view.GetType().Name),
    };
}
