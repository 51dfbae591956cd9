using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Assessing;

/// <summary>An earlier answer changed later: the steps follow the events, and the summary follows the rescored lines.</summary>
public sealed class ChangingAnswersTests
{
    private readonly GuidedFlow _flow = Given.Flow();

    [Fact]
    public void Deselecting_an_event_removes_its_score_and_treatment_steps_and_its_line()
    {
        var state = Given.HomeCareAtSummary(_flow);
        state = _flow.JumpTo(state, FlowStep.Events, Given.Today).State;
        var input = Given.Keep(state, Given.Power, Given.Network);

        var result = _flow.Next(state, input, Given.Today);
        Assert.Equal(FlowStep.Summary, result.State.Step);
        var steps = GuidedFlow.Steps(result.State.Assessment);
        Assert.DoesNotContain(FlowStep.Score(Given.Ransomware), steps);
        Assert.DoesNotContain(FlowStep.Treatment(Given.Ransomware), steps);
        Assert.Equal(8, steps.Count);
        Assert.Null(result.State.Assessment.Line(Given.Ransomware));

        var summary = Assert.IsType<SummaryStepView>(result.View);
        Assert.Equal([Given.Power, Given.Network], summary.Lines.Select(l => l.Event.Id));
        Assert.Equal((8, 8), (summary.Position, summary.Count));
        Assert.DoesNotContain(FlowStep.Score(Given.Ransomware), summary.JumpTargets);
        Assert.Equal("Vurderes i en anden vurdering i eksemplet", summary.Deselected.Single(d => d.Event.Id == Given.Ransomware).Reason);
    }

    [Fact]
    public void A_custom_event_gets_its_steps_and_the_summary_leads_to_them_until_it_is_scored_and_treated()
    {
        var ids = new SequentialIds();
        var flow = Given.Flow(ids);
        var state = Given.HomeCareAtSummary(flow);
        state = flow.JumpTo(state, FlowStep.Events, Given.Today).State;
        var events = flow.View<EventsStepView>(state);
        var input = events.Input with { NewCustomEvents = [new CustomEventInput("Integration til medicinmodul fejler", "Ordinationer når ikke frem", [Dimension.Integrity, Dimension.Availability])] };

        state = flow.Next(state, input);
        var custom = Assert.Single(state.Assessment.CustomEvents);
        Assert.Equal("id-5", custom.Id);
        var steps = GuidedFlow.Steps(state.Assessment);
        Assert.Equal(FlowStep.Score(custom.Id), steps[6]);
        Assert.Equal(FlowStep.Treatment(custom.Id), steps[10]);

        var summary = flow.View<SummaryStepView>(state);
        var issue = Assert.Single(summary.Issues);
        Assert.Equal(("line.not_scored", FlowStep.Score(custom.Id)), (issue.Error.Error.Code, issue.Target));
        Assert.Equal("Hændelsen \"Integration til medicinmodul fejler\" er ikke vurderet endnu.", issue.Error.Message);
        Assert.DoesNotContain(FlowStep.Treatment(custom.Id), summary.JumpTargets);
        Assert.False(summary.CanSubmit);

        state = flow.JumpTo(state, issue.Target!, Given.Today).State;
        var score = flow.View<ScoreStepView>(state);
        Assert.True(score.Event.Custom);
        Assert.Equal(["I", "A"], score.Event.Cia.Select(d => d.Id));
        Assert.NotNull(score.Availability);
        state = flow.Next(state, new ScoreStepInput(custom.Id, 1, ExpectedOutageHours: 1));

        summary = flow.View<SummaryStepView>(state);
        issue = Assert.Single(summary.Issues);
        Assert.Equal(("treatment.missing", FlowStep.Treatment(custom.Id)), (issue.Error.Error.Code, issue.Target));

        state = flow.JumpTo(state, issue.Target!, Given.Today).State;
        state = flow.Next(state, new TreatmentStepInput(custom.Id, TreatmentKind.Accept, "Usandsynlig og ubetydelig"));
        Assert.True(flow.View<SummaryStepView>(state).CanSubmit);
    }

    [Fact]
    public void A_profile_change_rescored_the_lines_and_the_summary_shows_it()
    {
        var state = Given.AtEvents(_flow);
        state = _flow.Next(state, Given.Keep(state, Given.Power, Given.Phishing));
        state = _flow.Next(state, new ScoreStepInput(Given.Power, 2, ExpectedOutageHours: 1));
        state = _flow.Next(state, new ScoreStepInput(Given.Phishing, 2));
        state = _flow.Next(state, new TreatmentStepInput(Given.Power, TreatmentKind.Accept));
        state = _flow.Next(state, new TreatmentStepInput(Given.Phishing, TreatmentKind.Reduce, Measures: [Given.Measure("Phishing-resistent MFA", 1, 4)]));
        var before = _flow.View<SummaryStepView>(state);
        Assert.Equal((8, "Høj"), (before.Lines[1].Score!.Points, before.Lines[1].Score!.Band.Label));
        Assert.True(before.Flags.ConsiderDpia);
        Assert.True(before.CanSubmit);

        state = _flow.JumpTo(state, FlowStep.Profile, Given.Today).State;
        Assert.Equal(2, _flow.View<ProfileStepView>(state).ScoredLines);
        var result = _flow.Next(state, new ProfileStepInput(2, "Kun navne og adresser", 2, "Fejl fanges i den daglige drift"), Given.Today);

        var after = Assert.IsType<SummaryStepView>(result.View);
        Assert.Equal((4, "Middel"), (after.Lines[1].Score!.Points, after.Lines[1].Score!.Band.Label));
        Assert.Equal((2, "Lav"), (after.Lines[0].Score!.Points, after.Lines[0].Score!.Band.Label));
        Assert.False(after.Flags.ConsiderDpia);
        Assert.Equal([ProfileSource.Lowered, ProfileSource.Lowered], after.Profile.Select(p => p.Source));

        // The measure's target C 4 is now above the line's consequence 2: the summary says so and leads to the treatment.
        var issue = Assert.Single(after.Issues);
        Assert.Equal("measure.target_above_current", issue.Error.Error.Code);
        Assert.Equal(FlowStep.Treatment(Given.Phishing), issue.Target);
        Assert.Equal("Phishing og overtagelse af brugerkonti", issue.EventName);
        Assert.False(after.CanSubmit);
    }

    [Fact]
    public void Corrected_facts_rebuild_the_preselection_before_the_events_are_chosen()
    {
        var state = Given.Started();
        var internetFacing = Given.HomeCare with { InternetFacing = true };
        state = _flow.Next(state, new FactsStepInput(internetFacing));
        Assert.Contains(state.Assessment.SelectedEvents, e => e.EventId == "CYB-DDOS");
        Assert.Contains(FlowStep.Score("CYB-DDOS"), GuidedFlow.Steps(state.Assessment));
    }
}
