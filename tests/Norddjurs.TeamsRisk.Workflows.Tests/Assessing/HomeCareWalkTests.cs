using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Assessing;

/// <summary>risk-method.md §3.6 walked through the guided flow, number for number.</summary>
public sealed class HomeCareWalkTests
{
    private readonly GuidedFlow _flow = Given.Flow();

    [Fact]
    public void The_flow_starts_with_the_facts_and_goes_on_to_the_profile_with_C4_and_I4_suggested()
    {
        var state = Given.Started();
        var facts = _flow.View<FactsStepView>(state);
        Assert.False(facts.Confirmed);
        Assert.Equal(4, facts.Facts.MtdHours);

        state = _flow.Next(state, facts.Input);
        Assert.True(state.Assessment.FactsConfirmed);
        var profile = _flow.View<ProfileStepView>(state);
        Assert.Equal(4, profile.Confidentiality.Suggested);
        Assert.Equal(4, profile.Integrity.Suggested);
        Assert.Equal(new ProfileStepInput(4, null, 4, null), profile.Input);
    }

    [Fact]
    public void The_events_step_marks_baseline_and_suggested_events_and_preselects_them_by_group()
    {
        var events = _flow.View<EventsStepView>(Given.AtEvents(_flow));
        Assert.Equal(["physical", "technical", "cyber", "supplier", "human"], events.Groups.Select(g => g.Id));
        var all = events.Groups.SelectMany(g => g.Events).ToList();
        var power = all.Single(e => e.Event.Id == Given.Power);
        Assert.Equal(Core.Assessments.EventOrigin.Baseline, power.Origin);
        Assert.True(power.Selected);
        Assert.True(power.ReasonRequiredToDeselect);
        var outage = all.Single(e => e.Event.Id == "SUP-OUTAGE");
        Assert.Equal(Core.Assessments.EventOrigin.Suggested, outage.Origin);
        Assert.True(outage.Selected);
        Assert.False(outage.ReasonRequiredToDeselect);
        Assert.False(all.Single(e => e.Event.Id == "PHY-FIRE").Selected);
    }

    [Fact]
    public void Power_failure_with_UPS_is_2_Lav_network_9_Hoej_and_ransomware_8_Hoej()
    {
        var state = Given.AtEvents(_flow);
        state = _flow.Next(state, Given.Keep(state, Given.Power, Given.Network, Given.Ransomware));

        var power = _flow.View<ScoreStepView>(state);
        Assert.Equal(Given.Power, power.Event.Id);
        Assert.Equal([1, 4, 8, 24, 72, 120, 240], power.Availability!.QuickPicksHours);
        Assert.Equal(4, power.Availability.MtdHours);
        Assert.Equal(1, power.Availability.RpoHours);
        state = _flow.Next(state, new ScoreStepInput(Given.Power, 2, ExpectedOutageHours: 1));
        state = _flow.Next(state, new ScoreStepInput(Given.Network, 3, ExpectedOutageHours: 6));
        state = _flow.Next(state, new ScoreStepInput(Given.Ransomware, 2, ExpectedOutageHours: 120));

        var a = state.Assessment;
        Assert.Equal((2, "Lav"), (a.Line(Given.Power)!.Score.Points, a.Line(Given.Power)!.Score.Band.Label.Da));
        Assert.Equal((9, "Høj"), (a.Line(Given.Network)!.Score.Points, a.Line(Given.Network)!.Score.Band.Label.Da));
        Assert.Equal((8, "Høj"), (a.Line(Given.Ransomware)!.Score.Points, a.Line(Given.Ransomware)!.Score.Band.Label.Da));
        Assert.Equal(FlowStep.Treatment(Given.Power), state.Step);
    }

    [Fact]
    public void The_score_view_shows_consequence_points_band_and_appetite_for_the_answers_at_once()
    {
        var state = Given.AtEvents(_flow);
        state = _flow.Next(state, Given.Keep(state, Given.Power, Given.Network, Given.Ransomware));
        state = _flow.Next(state, new ScoreStepInput(Given.Power, 2, ExpectedOutageHours: 1));

        var view = Assert.IsType<ScoreStepView>(_flow.Preview(state, new ScoreStepInput(Given.Network, 3, ExpectedOutageHours: 6), Given.Today));
        Assert.Equal(1.5, view.Availability!.Result!.Ratio);
        Assert.Equal(3, view.Availability.Result.Level.Value);
        Assert.Equal("A", view.Consequence!.DecidingDimension.Id);
        Assert.Equal(3, view.Consequence.Effective.Value);
        Assert.Equal(9, view.Score!.Points);
        Assert.Equal("Høj", view.Score.Band.Label);
        Assert.Equal("#F7630C", view.Score.Band.Color);
        Assert.False(view.Score.WithinAppetite);
        Assert.Null(state.Assessment.Line(Given.Network));
    }

    [Fact]
    public void Ransomware_is_decided_by_C_with_C4_I4_and_A4_and_a_lowering_override_is_shown_before_its_reason()
    {
        var state = Given.AtEvents(_flow);
        state = _flow.Next(state, Given.Keep(state, Given.Ransomware));

        var view = Assert.IsType<ScoreStepView>(_flow.Preview(state, new ScoreStepInput(Given.Ransomware, 2, ExpectedOutageHours: 120, OverrideConsequence: 2), Given.Today));
        Assert.Equal(["C", "I", "A"], view.Consequence!.Components.Select(c => c.Dimension.Id));
        Assert.All(view.Consequence.Components, c => Assert.Equal(4, c.Level.Value));
        Assert.Equal("C", view.Consequence.DecidingDimension.Id);
        Assert.Equal(2, view.Consequence.Effective.Value);
        Assert.True(view.Consequence.FlaggedToCommittee);
        Assert.Equal(4, view.Score!.Points);
    }

    [Fact]
    public void The_treatment_step_shows_what_the_Hoej_band_allows_and_requires()
    {
        var state = Given.AtEvents(_flow);
        state = _flow.Next(state, Given.Keep(state, Given.Network));
        state = _flow.Next(state, new ScoreStepInput(Given.Network, 3, ExistingMeasures: [2], ExpectedOutageHours: 6));

        var view = _flow.View<TreatmentStepView>(state);
        Assert.Equal(9, view.Score.Points);
        Assert.Equal([TreatmentKind.Accept, TreatmentKind.Reduce, TreatmentKind.Avoid, TreatmentKind.Share], view.Rule.AllowedKinds);
        Assert.Equal([TreatmentKind.Accept, TreatmentKind.Avoid, TreatmentKind.Share], view.Rule.JustificationRequiredFor);
        Assert.Equal([TreatmentKind.Reduce], view.Rule.MeasuresRequiredFor);
        Assert.Equal(180, view.Rule.MeasureDeadlineMaxDays);
        Assert.Equal(Given.Today.AddDays(180), view.Rule.LatestDeadline);
        Assert.Equal("medium", view.Rule.ResidualTarget.Id);
        Assert.Equal(Role.AreaManager, view.Rule.DecisionAuthority);
        Assert.False(view.Rule.InterimMeasuresRequired);
        Assert.Null(view.Rule.ComplianceGap);
        Assert.Equal([1, 2, 3], view.TargetLikelihoods.Select(l => l.Value));
        Assert.Equal([1, 2, 3], view.TargetConsequences.Select(l => l.Value));
        Assert.DoesNotContain("Netværksovervågning", view.SuggestedMeasures);
        Assert.Contains("Mobil backupforbindelse", view.SuggestedMeasures);
    }

    [Fact]
    public void The_whole_example_reaches_the_summary_with_its_numbers_residuals_and_headline_and_can_be_submitted()
    {
        var state = Given.HomeCareAtSummary(_flow);
        Assert.Equal(FlowStep.Summary, state.Step);

        var summary = _flow.View<SummaryStepView>(state);
        Assert.Equal([Given.Power, Given.Network, Given.Ransomware], summary.Lines.Select(l => l.Event.Id));
        Assert.Equal([(2, "Lav"), (9, "Høj"), (8, "Høj")], summary.Lines.Select(l => (l.Score!.Points, l.Score.Band.Label)));
        Assert.Equal([(2, "Lav"), (3, "Lav"), (4, "Middel")], summary.Lines.Select(l => (l.Residual!.Points, l.Residual.Band.Label)));
        Assert.Equal([TreatmentKind.Accept, TreatmentKind.Reduce, TreatmentKind.Reduce], summary.Lines.Select(l => l.Treatment!.Value));
        Assert.Equal([0, 1, 3], summary.Lines.Select(l => l.MeasureCount));

        Assert.Equal("Høj", summary.Headline.Highest!.Label);
        Assert.Equal(2, summary.Headline.AboveAppetite);
        Assert.Equal([1, 0, 2, 0], summary.Headline.Counts.Select(c => c.Count));
        Assert.Equal("Middel", summary.ResidualHeadline.Highest!.Label);
        Assert.Equal(0, summary.ResidualHeadline.AboveAppetite);

        Assert.True(summary.Flags.ConsiderDpia);
        Assert.False(summary.Flags.PriorConsultationMayBeRequired);
        Assert.Empty(summary.Issues);
        Assert.True(summary.CanSubmit);
        Assert.True(_flow.CanSubmit(state, Given.Today));
        Assert.Empty(_flow.CompletenessErrors(state, Given.Today));
        Assert.Equal(new AllowedMoves(Next: false, Back: true, JumpTo: true), summary.Moves);
    }

    [Fact]
    public void Measures_entered_without_an_id_get_one_from_the_id_source()
    {
        var state = Given.HomeCareAtSummary(_flow);
        Assert.Equal(["id-1"], state.Assessment.Line(Given.Network)!.Treatment!.Measures.Select(m => m.Id));
        Assert.Equal(["id-2", "id-3", "id-4"], state.Assessment.Line(Given.Ransomware)!.Treatment!.Measures.Select(m => m.Id));
    }

    [Fact]
    public void The_summary_lists_dropped_baseline_events_with_their_reasons()
    {
        var summary = _flow.View<SummaryStepView>(Given.HomeCareAtSummary(_flow));
        var staff = summary.Deselected.Single(d => d.Event.Id == "HUM-STAFF");
        Assert.Equal(Core.Assessments.EventOrigin.Baseline, staff.Origin);
        Assert.Equal("Vurderes i en anden vurdering i eksemplet", staff.Reason);
    }

    [Fact]
    public void A_summary_that_is_not_complete_names_each_problem_with_the_step_that_fixes_it()
    {
        var state = Given.AtEvents(_flow);
        state = _flow.Next(state, Given.Keep(state, Given.Power, Given.Network));
        state = _flow.Next(state, new ScoreStepInput(Given.Power, 2, ExpectedOutageHours: 1));
        state = _flow.Next(state, new ScoreStepInput(Given.Network, 3, ExpectedOutageHours: 6));
        state = _flow.Next(state, new TreatmentStepInput(Given.Power, TreatmentKind.Accept));
        Assert.Equal(FlowStep.Treatment(Given.Network), state.Step);

        // Leave the network line untreated and look at the summary from a stored state.
        var summary = _flow.View<SummaryStepView>(state with { Step = FlowStep.Summary });
        var issue = Assert.Single(summary.Issues);
        Assert.Equal("treatment.missing", issue.Error.Error.Code);
        Assert.Equal(FlowStep.Treatment(Given.Network), issue.Target);
        Assert.Equal("Netværks- eller internetudfald", issue.EventName);
        Assert.Equal("Vælg hvordan risikoen for \"Netværks- eller internetudfald\" skal håndteres.", issue.Error.Message);
        Assert.False(summary.CanSubmit);
    }
}
