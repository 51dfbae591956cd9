using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Assessing;

/// <summary>The flow state is plain data: the stores persist it as JSON and the flow goes on from what they read back (design.md §8).</summary>
public sealed class FlowStateJsonTests
{
    private readonly GuidedFlow _flow = Given.Flow();

    public static TheoryData<string> Options => ["default", "web"];

    private static JsonSerializerOptions OptionsFor(string name) => name == "web" ? JsonSerializerOptions.Web : JsonSerializerOptions.Default;

    private static string ViewJson(StepView view) => JsonSerializer.Serialize(view, view.GetType());

    [Theory, MemberData(nameof(Options))]
    public void A_state_in_the_middle_of_the_flow_round_trips_through_System_Text_Json(string options)
    {
        var state = Given.HomeCareAtSummary(_flow);
        state = _flow.JumpTo(state, FlowStep.Treatment(Given.Ransomware), Given.Today).State;

        var json = JsonSerializer.Serialize(state, OptionsFor(options));
        var back = JsonSerializer.Deserialize<FlowState>(json, OptionsFor(options))!;

        Assert.Equal(json, JsonSerializer.Serialize(back, OptionsFor(options)));
        Assert.Equal(state.Step, back.Step);
        Assert.True(back.FromSummary);
        Assert.Equal(ViewJson(_flow.View(state, Given.Today)), ViewJson(_flow.View(back, Given.Today)));
        var line = back.Assessment.Line(Given.Ransomware)!;
        Assert.Equal((8, 4), (line.Score.Points, line.Residual.Points));
        Assert.Equal(new DateOnly(2026, 7, 2), line.Treatment!.Measures[0].Deadline);
    }

    [Fact]
    public void The_flow_goes_on_from_a_state_read_back_from_JSON()
    {
        var state = Given.AtEvents(_flow);
        state = _flow.Next(state, Given.Keep(state, Given.Power, Given.Network));
        state = _flow.Next(state, new ScoreStepInput(Given.Power, 2, ExpectedOutageHours: 1));
        var back = JsonSerializer.Deserialize<FlowState>(JsonSerializer.Serialize(state))!;

        back = _flow.Next(back, new ScoreStepInput(Given.Network, 3, ExpectedOutageHours: 6));
        back = _flow.Next(back, new TreatmentStepInput(Given.Power, TreatmentKind.Accept));
        back = _flow.Next(back, new TreatmentStepInput(Given.Network, TreatmentKind.Reduce, Measures: [Given.Measure("Second line", 1, 3)]));
        Assert.Equal(FlowStep.Summary, back.Step);
        Assert.True(_flow.CanSubmit(back, Given.Today));
    }

    [Fact]
    public void The_step_is_stored_by_name_and_levels_as_plain_numbers()
    {
        var state = Given.HomeCareAtSummary(_flow);
        state = _flow.JumpTo(state, FlowStep.Score(Given.Network), Given.Today).State;
        var json = JsonNode.Parse(JsonSerializer.Serialize(state))!;
        Assert.Equal("Score", (string?)json["Step"]!["Kind"]);
        Assert.Equal(Given.Network, (string?)json["Step"]!["EventId"]);
        var line = json["Assessment"]!["Lines"]!.AsArray().Single(l => (string?)l!["EventId"] == Given.Network)!;
        Assert.Equal(3, (int)line["Likelihood"]!);
        Assert.Equal(9, (int)line["Score"]!["Points"]!);
    }

    [Fact]
    public void Step_inputs_round_trip_too_so_a_page_can_keep_unsaved_answers()
    {
        StepInput input = new TreatmentStepInput(Given.Network, TreatmentKind.Reduce, "Begrundelse", [Given.Measure("Second line", 1, 3)], [new InterimMeasureInput("Mobile router", Given.Owner)]);
        var json = JsonSerializer.Serialize((TreatmentStepInput)input);
        var back = JsonSerializer.Deserialize<TreatmentStepInput>(json)!;
        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(input.Step, back.Step);
    }
}
