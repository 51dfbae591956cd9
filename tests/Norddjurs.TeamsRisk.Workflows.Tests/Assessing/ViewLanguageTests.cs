using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Assessing;

/// <summary>Method and catalogue texts reach the views in Danish by default and in English when asked (design.md §9).</summary>
public sealed class ViewLanguageTests
{
    private readonly GuidedFlow _flow = Given.Flow();

    private FlowState AtScore(string eventId)
    {
        var state = Given.AtEvents(_flow);
        return _flow.Next(state, Given.Keep(state, eventId));
    }

    [Fact]
    public void The_profile_step_carries_the_Danish_labels_and_level_texts_by_default()
    {
        var state = _flow.Next(Given.Started(), new FactsStepInput(Given.HomeCare));
        var view = Assert.IsType<ProfileStepView>(_flow.View(state, Given.Today));
        Assert.Equal(Language.Danish, view.Language);
        Assert.Equal("Fortrolighed", view.Confidentiality.Dimension.Label);
        Assert.Equal("Integritet", view.Integrity.Dimension.Label);
        Assert.Equal(["Ubetydelig", "Begrænset", "Alvorlig", "Meget alvorlig"], view.Levels.Select(l => l.Label));
        Assert.Equal("Fare for liv, helbred eller sikkerhed, eller følsomme oplysninger om mange kompromitteres.", view.Levels[3].Citizens);
    }

    [Fact]
    public void The_profile_step_carries_English_labels_when_asked()
    {
        var state = _flow.Next(Given.Started(), new FactsStepInput(Given.HomeCare));
        var view = _flow.View<ProfileStepView>(state, Language.English);
        Assert.Equal(Language.English, view.Language);
        Assert.Equal("Confidentiality", view.Confidentiality.Dimension.Label);
        Assert.Equal(["Insignificant", "Limited", "Serious", "Very serious"], view.Levels.Select(l => l.Label));
        Assert.Equal("Critical tasks cannot be done; orders, fine or police report; loss of trust; over ~2 m DKK.", view.Levels[3].Municipality);
    }

    [Fact]
    public void The_score_step_carries_the_likelihood_question_levels_anchors_and_guidance_in_the_chosen_language()
    {
        var state = AtScore(Given.Power);
        var danish = _flow.View<ScoreStepView>(state);
        Assert.Equal("Strømsvigt", danish.Event.Name);
        Assert.Equal("Fysiske og miljømæssige hændelser", danish.Event.GroupLabel);
        Assert.Equal("Hvor ofte vil hændelsen ramme dette system, så konsekvensen indtræffer, med de foranstaltninger der findes i dag?", danish.LikelihoodQuestion);
        Assert.Equal(["Usandsynlig", "Mulig", "Sandsynlig", "Meget sandsynlig"], danish.LikelihoodLevels.Select(l => l.Label));
        Assert.Equal("Ca. én gang på 3–10 år", danish.LikelihoodLevels[1].Anchor);
        Assert.Equal("UPS på kritisk udstyr", danish.TypicalMeasures[0].Text);
        Assert.Equal("Tilgængelighed", Assert.Single(danish.Event.Cia).Label);

        var english = _flow.View<ScoreStepView>(state, Language.English);
        Assert.Equal("Power failure", english.Event.Name);
        Assert.Equal("Physical and environmental", english.Event.GroupLabel);
        Assert.Equal(["Unlikely", "Possible", "Likely", "Very likely"], english.LikelihoodLevels.Select(l => l.Label));
        Assert.Equal("About once every 3–10 years", english.LikelihoodLevels[1].Anchor);
        Assert.Equal("Availability", Assert.Single(english.Event.Cia).Label);
    }

    [Fact]
    public void The_events_step_carries_the_group_labels_in_the_chosen_language()
    {
        var state = Given.AtEvents(_flow);
        Assert.Equal("Cyberangreb", _flow.View<EventsStepView>(state).Groups[2].Label);
        Assert.Equal("Cyber attacks", _flow.View<EventsStepView>(state, Language.English).Groups[2].Label);
        Assert.Equal(["Fortrolighed", "Integritet", "Tilgængelighed"], _flow.View<EventsStepView>(state).Dimensions.Select(d => d.Label));
    }

    [Fact]
    public void The_treatment_and_summary_steps_carry_band_labels_appetite_and_authority_in_the_chosen_language()
    {
        var state = Given.HomeCareAtSummary(_flow);
        var danish = _flow.View<SummaryStepView>(state);
        var english = _flow.View<SummaryStepView>(state, Language.English);
        Assert.Equal(["Lav", "Høj", "Høj"], danish.Lines.Select(l => l.Score!.Band.Label));
        Assert.Equal(["Low", "High", "High"], english.Lines.Select(l => l.Score!.Band.Label));
        Assert.Equal(["Lav", "Middel", "Høj", "Kritisk"], danish.Headline.Counts.Select(c => c.Band.Label));
        Assert.Equal("Network or internet outage", english.Lines[1].Event.Name);

        var treatment = _flow.JumpTo(state, FlowStep.Treatment(Given.Network), Given.Today, Language.English);
        var view = Assert.IsType<TreatmentStepView>(treatment.View);
        Assert.Equal("High", view.Score.Band.Label);
        Assert.Equal("Area manager (owner's manager)", view.Rule.DecisionAuthorityLabel);
        Assert.StartsWith("The municipality can live with Low and Medium risks.", view.AppetiteStatement, StringComparison.Ordinal);
        Assert.Equal((3, "Low"), (view.Residual!.Points, view.Residual.Band.Label));
    }
}
