using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Assessing;

/// <summary>Each step's validation keeps the owner on the step, with the state untouched and every message in their language.</summary>
public sealed class StepValidationTests
{
    private readonly GuidedFlow _flow = Given.Flow();

    private FlowState AtScore(params string[] keep)
    {
        var state = Given.AtEvents(_flow);
        return _flow.Next(state, Given.Keep(state, keep));
    }

    private FlowState AtTreatment(string eventId, ScoreStepInput score)
    {
        var state = AtScore(eventId);
        return _flow.Next(state, score);
    }

    private static FlowError Refused(FlowResult result, FlowState before, string field, string code)
    {
        Assert.False(result.Accepted);
        Assert.Same(before, result.State);
        Assert.Equal(before.Step, result.View.Step);
        return Assert.Single(result.Errors, e => e.Field == field && e.Error.Code == code);
    }

    [Fact]
    public void Facts_of_another_system_are_refused()
    {
        var state = Given.Started();
        var result = _flow.Next(state, new FactsStepInput(Given.HomeCare with { SystemId = "other" }), Given.Today);
        var error = Refused(result, state, FlowFields.Facts, "assessment.not_editable");
        Assert.Equal("Vurderingen kan ikke ændres i sin nuværende tilstand.", error.Message);
        Assert.IsType<FactsStepView>(result.View);
    }

    [Fact]
    public void Lowering_C_below_the_suggestion_without_a_reason_is_refused_in_Danish_and_in_English()
    {
        var state = _flow.Next(Given.Started(), new FactsStepInput(Given.HomeCare));
        var input = new ProfileStepInput(3, " ", null, null);

        var danish = _flow.Next(state, input, Given.Today);
        Assert.Equal("Du har sat C til 3, under forslaget 4. Skriv en begrundelse.", Refused(danish, state, FlowFields.ConfidentialityReason, "profile.lowered_without_reason").Message);
        Assert.Equal("Angiv systemets konsekvens for I.", Refused(danish, state, FlowFields.Integrity, "profile.missing").Message);

        var english = _flow.Next(state, input, Given.Today, Language.English);
        Assert.Equal("You set C to 3, below the suggested 4. Please give a reason.", Refused(english, state, FlowFields.ConfidentialityReason, "profile.lowered_without_reason").Message);
        Assert.Equal(Language.English, english.View.Language);
    }

    [Fact]
    public void A_refused_profile_is_shown_again_as_entered_with_the_reason_asked_for()
    {
        var state = _flow.Next(Given.Started(), new FactsStepInput(Given.HomeCare));
        var input = new ProfileStepInput(3, null, 4, null);
        var view = Assert.IsType<ProfileStepView>(_flow.Next(state, input, Given.Today).View);
        Assert.Equal(input, view.Input);
        Assert.True(view.Confidentiality.ReasonRequired);
        Assert.False(view.Integrity.ReasonRequired);
        Assert.Null(view.Confidentiality.Saved);
    }

    [Fact]
    public void Dropping_a_baseline_event_without_a_reason_is_refused_with_the_event_named_in_the_users_language()
    {
        var state = Given.AtEvents(_flow);
        var keep = state.Assessment.SelectedEvents.Select(e => e.EventId).Where(id => id != "HUM-STAFF").ToList();
        var input = new EventsStepInput(keep);

        var danish = Refused(_flow.Next(state, input, Given.Today), state, FlowFields.DeselectionReason("HUM-STAFF"), "event.baseline_deselected_without_reason");
        Assert.Equal("\"Nøglepersonafhængighed og personalemangel\" er en grundhændelse. Skriv hvorfor den ikke er relevant for systemet.", danish.Message);
        Assert.Equal("HUM-STAFF", danish.Error.Args["event"]);

        var english = Refused(_flow.Next(state, input, Given.Today, Language.English), state, FlowFields.DeselectionReason("HUM-STAFF"), "event.baseline_deselected_without_reason");
        Assert.Equal("\"Key-person dependency and staff shortage\" is a baseline event. Say why it is not relevant for the system.", english.Message);
    }

    [Fact]
    public void A_custom_event_needs_a_name_and_at_least_one_dimension()
    {
        var state = Given.AtEvents(_flow);
        var keep = state.Assessment.SelectedEvents.Select(e => e.EventId).ToList();
        var result = _flow.Next(state, new EventsStepInput(keep, NewCustomEvents: [new CustomEventInput(" ", null, [])]), Given.Today, Language.English);
        Assert.Equal("Give the new event a name.", Refused(result, state, FlowFields.CustomEvent(0, "name"), "event.custom_name_required").Message);
        Assert.Equal("Choose at least one of confidentiality, integrity and availability for the new event.", Refused(result, state, FlowFields.CustomEvent(0, "cia"), "event.custom_needs_dimension").Message);
        Assert.Empty(state.Assessment.CustomEvents);
    }

    [Fact]
    public void Dropping_every_event_is_refused()
    {
        var state = Given.AtEvents(_flow);
        var result = _flow.Next(state, Given.Keep(state), Given.Today);
        Assert.Equal("Vælg mindst én hændelse.", Refused(result, state, FlowFields.Selected, "event.none_selected").Message);
    }

    [Fact]
    public void Scoring_without_a_likelihood_or_an_outage_is_refused_with_both_messages()
    {
        var state = AtScore(Given.Power);
        var input = new ScoreStepInput(Given.Power, Likelihood: null);

        var danish = _flow.Next(state, input, Given.Today);
        Assert.Equal("Vælg hvor sandsynlig hændelsen er.", Refused(danish, state, FlowFields.Likelihood, "flow.likelihood_required").Message);
        Assert.Equal("Angiv den forventede nedetid i timer for denne hændelse.", Refused(danish, state, FlowFields.ExpectedOutageHours, "availability.outage_required").Message);
        Assert.Equal(2, danish.Errors.Count);

        var english = _flow.Next(state, input, Given.Today, Language.English);
        Assert.Equal("Choose how likely the event is.", Refused(english, state, FlowFields.Likelihood, "flow.likelihood_required").Message);
        Assert.Equal("Enter the expected outage in hours for this event.", Refused(english, state, FlowFields.ExpectedOutageHours, "availability.outage_required").Message);
    }

    [Fact]
    public void An_override_needs_a_reason_and_a_peak_bump_needs_its_reason()
    {
        var state = AtScore(Given.Power);
        var result = _flow.Next(state, new ScoreStepInput(Given.Power, 2, ExpectedOutageHours: 1, PeakBump: 1, OverrideConsequence: 2), Given.Today, Language.English);
        Assert.Equal("Give a reason when you change the computed consequence.", Refused(result, state, FlowFields.OverrideReason, "consequence.override_without_reason").Message);
        Assert.Equal("Say why a peak period makes the consequence higher.", Refused(result, state, FlowFields.PeakReason, "availability.peak_bump_without_reason").Message);
        var view = Assert.IsType<ScoreStepView>(result.View);
        Assert.Equal(2, view.Input.Likelihood);
        Assert.Null(state.Assessment.Line(Given.Power));
    }

    [Fact]
    public void A_likelihood_outside_the_scale_is_refused()
    {
        var state = AtScore(Given.Phishing);
        var result = _flow.Next(state, new ScoreStepInput(Given.Phishing, 5), Given.Today);
        Assert.Equal("Sandsynligheden skal være mellem 1 og 4; 5 er ikke gyldig.", Refused(result, state, FlowFields.Likelihood, "likelihood.out_of_range").Message);
    }

    [Fact]
    public void Accepting_a_Hoej_risk_needs_a_reason_in_Danish_and_in_English()
    {
        var state = AtTreatment(Given.Network, new ScoreStepInput(Given.Network, 3, ExpectedOutageHours: 6));
        var input = new TreatmentStepInput(Given.Network, TreatmentKind.Accept);
        Assert.Equal("Skriv en begrundelse for \"accept\".", Refused(_flow.Next(state, input, Given.Today), state, FlowFields.Justification, "treatment.justification_required").Message);
        Assert.Equal("Give a reason for \"accept\".", Refused(_flow.Next(state, input, Given.Today, Language.English), state, FlowFields.Justification, "treatment.justification_required").Message);
    }

    [Fact]
    public void A_treatment_must_be_chosen()
    {
        var state = AtTreatment(Given.Network, new ScoreStepInput(Given.Network, 3, ExpectedOutageHours: 6));
        var error = Refused(_flow.Next(state, new TreatmentStepInput(Given.Network, null), Given.Today), state, FlowFields.Kind, "treatment.missing");
        Assert.Equal("Vælg hvordan risikoen for \"Netværks- eller internetudfald\" skal håndteres.", error.Message);
    }

    [Fact]
    public void Each_measure_error_points_at_the_measure_and_its_field()
    {
        var state = AtTreatment(Given.Network, new ScoreStepInput(Given.Network, 3, ExpectedOutageHours: 6));
        var good = Given.Measure("Second line", 1, 3);
        var input = new TreatmentStepInput(Given.Network, TreatmentKind.Reduce, Measures:
        [
            good,
            good with { ResponsibleObjectId = null, Deadline = Given.Today.AddDays(200) },
            good with { TargetLikelihood = 4 },
        ]);
        var result = _flow.Next(state, input, Given.Today, Language.English);
        Assert.Equal("Name a person responsible for measure 2.", Refused(result, state, FlowFields.Measure(1, "responsibleObjectId"), "measure.responsible_required").Message);
        Assert.Equal("The deadline of measure 2 is after 2026-08-29 (at most 180 days). Give a reason for the exception.", Refused(result, state, FlowFields.Measure(1, "deadline"), "measure.deadline_too_late").Message);
        Refused(result, state, FlowFields.Measure(2, "targetLikelihood"), "measure.target_above_current");
        Assert.Equal(3, result.Errors.Count);
        Assert.Equal(input, Assert.IsType<TreatmentStepView>(result.View).Input);
    }

    [Fact]
    public void A_compliance_gap_can_only_be_reduced_or_avoided_and_its_measures_land_within_90_days()
    {
        var facts = Given.HomeCare with { ThirdCountryTransfer = Core.Register.ThirdCountryTransfer.Yes, TransferTool = "none" };
        var state = Given.AtEvents(_flow, facts);
        state = _flow.Next(state, Given.Keep(state, "SUP-THIRDCOUNTRY"));
        state = _flow.Next(state, new ScoreStepInput("SUP-THIRDCOUNTRY", 1));

        var view = _flow.View<TreatmentStepView>(state);
        Assert.Equal("thirdCountryTransferWithoutTool", view.Rule.ComplianceGap);
        Assert.Equal([TreatmentKind.Reduce, TreatmentKind.Avoid], view.Rule.AllowedKinds);
        Assert.Equal(90, view.Rule.MeasureDeadlineMaxDays);

        var result = _flow.Next(state, new TreatmentStepInput("SUP-THIRDCOUNTRY", TreatmentKind.Accept, "Lav risiko"), Given.Today);
        Refused(result, state, FlowFields.Kind, "treatment.compliance_gap_only_reduce_or_avoid");
    }

    [Fact]
    public void The_event_carrying_a_compliance_gap_cannot_be_dropped()
    {
        var facts = Given.HomeCare with { ThirdCountryTransfer = Core.Register.ThirdCountryTransfer.Yes, TransferTool = "none" };
        var state = Given.AtEvents(_flow, facts);
        var events = _flow.View<EventsStepView>(state);
        Assert.True(events.Groups.SelectMany(g => g.Events).Single(e => e.Event.Id == "SUP-THIRDCOUNTRY").RequiredByComplianceGap);

        var result = _flow.Next(state, Given.Keep(state, Given.Power), Given.Today);
        var error = Refused(result, state, FlowFields.Selected, "event.compliance_gap_event_required");
        Assert.Equal("SUP-THIRDCOUNTRY", error.Error.Args["event"]);
    }

    [Fact]
    public void A_Kritisk_risk_cannot_be_accepted_and_needs_interim_measures()
    {
        var state = AtTreatment(Given.Phishing, new ScoreStepInput(Given.Phishing, 3));
        var view = _flow.View<TreatmentStepView>(state);
        Assert.Equal("Kritisk", view.Score.Band.Label);
        Assert.DoesNotContain(TreatmentKind.Accept, view.Rule.AllowedKinds);
        Assert.True(view.Rule.InterimMeasuresRequired);
        Assert.Equal(90, view.Rule.MeasureDeadlineMaxDays);
        Assert.Equal(Role.Directorate, view.Rule.DecisionAuthority);
        Assert.Equal("Direktionen", view.Rule.DecisionAuthorityLabel);

        var result = _flow.Next(state, new TreatmentStepInput(Given.Phishing, TreatmentKind.Reduce, Measures: [Given.Measure("Phishing-resistant MFA", 1, 4, months: 2)]), Given.Today);
        Assert.Equal("En kritisk risiko kræver midlertidige foranstaltninger, der iværksættes med det samme.", Refused(result, state, FlowFields.InterimMeasures, "treatment.interim_measures_required").Message);
    }

    [Fact]
    public void A_submitted_assessment_cannot_be_changed_through_the_flow()
    {
        var state = Given.Started() with { Assessment = Given.InProgress() with { State = Core.Assessments.AssessmentState.Submitted } };
        var result = _flow.Next(state, new FactsStepInput(Given.HomeCare), Given.Today);
        Refused(result, state, FlowFields.Step, "assessment.not_editable");
        Assert.False(result.View.Moves.Next);
    }
}
