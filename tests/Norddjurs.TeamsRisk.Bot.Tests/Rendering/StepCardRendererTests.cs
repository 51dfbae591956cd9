using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Rendering;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Testing.Cards;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Tests.Rendering;

public sealed class StepCardRendererTests
{
    private readonly GuidedFlow _flow = HomeCare.Flow();
    private readonly StepCardRenderer _renderer = new(HomeCare.Directory());

    public static TheoryData<string> Steps()
    {
        var data = new TheoryData<string>();
        foreach (var step in GuidedFlow.Steps(HomeCare.AtSummary(HomeCare.Flow()).Assessment))
        {
            data.Add(step.ToString());
        }

        return data;
    }

    [Theory, MemberData(nameof(Steps))]
    public async Task Every_step_of_the_walk_renders_within_28_KB_and_every_action_carries_assessment_step_and_stamp(string step)
    {
        var state = HomeCare.AtSummary(_flow);
        var flowStep = GuidedFlow.Steps(state.Assessment).Single(s => s.ToString() == step);
        foreach (var language in new[] { Language.Danish, Language.English })
        {
            var view = HomeCare.ViewAt(_flow, state, flowStep, language);
            var card = await Render(view);

            Assert.True(CardSize.Fits(card));
            var verbs = CardActions.Verbs(card);
            Assert.NotEmpty(verbs);
            foreach (var verb in verbs)
            {
                var data = CardActionData.Read(CardActions.Find(card, verb))!;
                Assert.Equal(HomeCare.AssessmentId, data.AssessmentId);
                Assert.Equal(HomeCare.Stamp, data.Stamp);
                Assert.Equal(flowStep.ToString(), $"{data.Step!.Kind}{(data.Step.EventId is { } id ? $"({id})" : "")}");
            }
        }
    }

    [Fact]
    public async Task Every_kind_of_step_has_its_own_card_and_the_frame_refreshes_for_its_users()
    {
        var state = HomeCare.AtSummary(_flow);
        var kinds = new HashSet<FlowStepKind>();
        foreach (var step in GuidedFlow.Steps(state.Assessment))
        {
            var card = await Render(HomeCare.ViewAt(_flow, state, step));
            kinds.Add(step.Kind);
            Assert.Equal("29:owner", (string?)card["refresh"]!["userIds"]![0]);
            Assert.Equal(CardVerbs.View, (string?)card["refresh"]!["action"]!["verb"]);
        }

        Assert.Equal(Enum.GetValues<FlowStepKind>(), kinds.Order());
    }

    [Fact]
    public async Task Progress_and_moves_come_from_the_view()
    {
        var state = HomeCare.AtSummary(_flow);
        var facts = await Render(HomeCare.ViewAt(_flow, state, FlowStep.Facts));
        Assert.Contains("trin 1 af 10", Text(facts), StringComparison.OrdinalIgnoreCase);
        Assert.True(CardActions.Has(facts, CardVerbs.Next));
        Assert.False(CardActions.Has(facts, CardVerbs.Back));

        var summary = await Render(_flow.View(state, HomeCare.Today));
        Assert.Contains("trin 10 af 10", Text(summary), StringComparison.OrdinalIgnoreCase);
        Assert.False(CardActions.Has(summary, CardVerbs.Next));
        Assert.True(CardActions.Has(summary, CardVerbs.Back));
        Assert.True(CardActions.Has(summary, CardVerbs.Submit));
        Assert.True(CardActions.Has(summary, CardVerbs.Jump));

        var jumped = _flow.JumpTo(state, FlowStep.Score(HomeCare.Network), HomeCare.Today);
        var score = await Render(jumped.View);
        Assert.Contains("Tilbage til oversigten", Text(score), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_refused_step_shows_each_message_right_below_its_input()
    {
        var state = HomeCare.AtEvents(_flow);
        state = _flow.Next(state, HomeCare.Keep(state, HomeCare.Power));
        var refused = _flow.Next(state, new ScoreStepInput(HomeCare.Power, null, ExpectedOutageHours: -1), HomeCare.Today);
        Assert.False(refused.Accepted);

        var card = await Render(refused.View);
        foreach (var error in refused.Errors.Where(e => e.Field != FlowFields.Step))
        {
            Assert.Equal(error.Message, TextRightAfter(card, error.Field));
        }

        Assert.Contains(refused.Errors, e => e.Field == CardInputIds.Likelihood);
        Assert.Contains(refused.Errors, e => e.Field == CardInputIds.ExpectedOutageHours);
    }

    [Fact]
    public async Task The_missing_responsible_person_is_shown_below_the_e_mail_input()
    {
        var state = HomeCare.AtEvents(_flow);
        state = _flow.Next(state, HomeCare.Keep(state, HomeCare.Network));
        state = _flow.Next(state, new ScoreStepInput(HomeCare.Network, 3, ExpectedOutageHours: 6));
        var refused = _flow.Next(state, new TreatmentStepInput(HomeCare.Network, TreatmentKind.Reduce, Measures:
            [new MeasureStepInput(null, "Anden internetlinje", null, HomeCare.Today.AddMonths(2), 1, 3)]), HomeCare.Today);
        var error = Assert.Single(refused.Errors);
        Assert.Equal("measures[0].responsibleObjectId", error.Field);

        var card = await Render(refused.View);
        Assert.Equal(error.Message, TextRightAfter(card, CardInputIds.Measure(0, CardInputIds.MeasureProperty.Responsible)));
    }

    [Fact]
    public async Task The_treatment_card_shows_each_responsible_person_by_e_mail_and_an_unknown_one_by_id()
    {
        var state = HomeCare.AtSummary(_flow);
        var card = await Render(HomeCare.ViewAt(_flow, state, FlowStep.Treatment(HomeCare.Ransomware)));
        var inputs = CardInputs.Defaults(card);
        Assert.Equal(HomeCare.BoUpn, inputs["measures[0].responsible"]);
        Assert.Equal(HomeCare.LeftId, inputs["measures[1].responsible"]);
        Assert.Equal(HomeCare.AnneUpn, inputs["measures[2].responsible"]);
        Assert.Equal("", inputs["measures[3].responsible"]);
        Assert.Equal(["id-2", "id-3", "id-4"], CardActionData.Read(CardActions.Find(card, CardVerbs.Next))!.MeasureIds);
    }

    [Fact]
    public async Task A_reason_given_for_a_dropped_suggested_event_stays_on_the_card()
    {
        var state = HomeCare.AtSummary(_flow);
        var view = Assert.IsType<EventsStepView>(HomeCare.ViewAt(_flow, state, FlowStep.Events));
        var suggested = view.Groups.SelectMany(g => g.Events).First(e => e.Origin == Core.Assessments.EventOrigin.Suggested && !e.Selected);
        Assert.False(suggested.ReasonRequiredToDeselect);

        var inputs = CardInputs.Defaults(await Render(view));
        Assert.Equal($"Vurderes andetsteds ({suggested.Event.Id})", inputs[CardInputIds.DeselectionReason(suggested.Event.Id)]);
    }

    [Fact]
    public async Task The_English_owner_gets_English_cards()
    {
        var state = HomeCare.AtSummary(_flow);
        var card = await Render(HomeCare.ViewAt(_flow, state, FlowStep.Score(HomeCare.Power), Language.English));
        Assert.Contains("step 4 of 10", Text(card), StringComparison.OrdinalIgnoreCase);
    }

    private Task<JsonObject> Render(StepView view) => _renderer.RenderAsync(view, HomeCare.Frame(), CancellationToken.None);

    private static string Text(JsonObject card) => card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The text of the element right after the input with <paramref name="id"/> in its container.</summary>
    private static string? TextRightAfter(JsonObject card, string id)
    {
        var input = CardInputs.Inputs(card).Single(i => (string?)i["id"] == id);
        var siblings = input.Parent!.AsArray();
        var next = siblings[siblings.IndexOf(input) + 1];
        return (string?)next!["text"];
    }
}
