using Bunit;
using Microsoft.FluentUI.AspNetCore.Components;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Tab.Assessing;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Tab.Tests.Assessing;

public sealed class SummaryViewTests : TabTest
{
    [Theory]
    [InlineData(Language.Danish, "Fravalgte hændelser", "Systemets oplysninger")]
    [InlineData(Language.English, "Deselected events", "The system's facts")]
    public void The_summary_shows_what_the_card_shows_the_deselected_event_with_its_reason_and_the_profile(Language language, string deselected, string facts)
    {
        var (view, dropped) = AtSummary(language);

        var cut = Context.Render<SummaryView>(p => p.Add(f => f.View, view).AddCascadingValue(Session(language)));

        Assert.Contains(deselected, cut.FindAll("h2").Select(h => h.TextContent));
        var name = Assert.Single(view.Deselected, d => d.Event.Id == dropped.Event.Id).Event.Name;
        Assert.Contains(cut.FindAll("li"), li => li.TextContent == $"{name} – Ikke relevant her");
        Assert.Equal(view.Profile.Select(p => p.Dimension.Label), cut.FindAll("dl.facts dt").Select(dt => dt.TextContent));
        Assert.Contains(facts, cut.FindAll("#jump-target option").Select(o => o.TextContent));
    }

    [Fact]
    public async Task Any_step_the_card_offers_can_be_reached_from_the_summary_facts_included()
    {
        var (view, _) = AtSummary(Language.Danish);
        Assert.Contains(new FlowStep(FlowStepKind.Facts), view.JumpTargets);
        FlowStep? jumped = null;
        var cut = Context.Render<SummaryView>(p => p.Add(f => f.View, view).Add(f => f.OnJump, (FlowStep step) => jumped = step).AddCascadingValue(Session(Language.Danish)));

        Assert.Equal(view.JumpTargets.Count, cut.FindAll("#jump-target option").Count);
        cut.Find("#jump-target").Change(new FlowStep(FlowStepKind.Facts).ToString());
        var go = cut.FindComponents<FluentButton>().Single(b => b.Markup.Contains("Gå til trinnet", StringComparison.Ordinal));
        await cut.InvokeAsync(() => go.Instance.OnClick.InvokeAsync());

        Assert.Equal(new FlowStep(FlowStepKind.Facts), jumped);
    }

    /// <summary>Every step answered: one baseline event dropped with a reason, likelihood 1, each line accepted.</summary>
    private static (SummaryStepView View, EventOptionView Dropped) AtSummary(Language language)
    {
        var events = AtEvents();
        var choice = (EventsStepView)Flow.View(events, Today);
        var dropped = choice.Groups.SelectMany(g => g.Events).First(e => e.Selected && e.ReasonRequiredToDeselect && !e.RequiredByComplianceGap);
        var state = Accepted(Flow.Next(events, choice.Input with
        {
            Selected = [.. choice.Input.Selected.Where(id => id != dropped.Event.Id)],
            DeselectionReasons = new Dictionary<string, string> { [dropped.Event.Id] = "Ikke relevant her" },
        }, Today));
        for (var view = Flow.View(state, Today); view is not SummaryStepView; view = Flow.View(state, Today))
        {
            state = Accepted(Flow.Next(state, view switch
            {
                ScoreStepView score => score.Input with { Likelihood = 1, ExpectedOutageHours = score.Availability is null ? null : 1 },
                TreatmentStepView treatment => treatment.Input with { Kind = TreatmentKind.Accept, Justification = "Lav risiko" },
                _ => throw new InvalidOperationException($"Unexpected step {view.Kind}."),
            }, Today));
        }

        return ((SummaryStepView)Flow.View(state, Today, language), dropped);
    }
}
