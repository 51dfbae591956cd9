using Bunit;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Assessing;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Tab.Tests.Assessing;

public sealed class ScoreFormTests : TabTest
{
    [Theory]
    [InlineData(Language.Danish)]
    [InlineData(Language.English)]
    public void No_likelihood_is_refused_with_the_flows_message_in_the_users_language(Language language)
    {
        var state = AtFirstScore();
        var step = (ScoreStepView)Flow.View(state, Today, language);
        var refused = Flow.Next(state, step.Input with { Likelihood = null }, Today, language);
        var error = Assert.Single(refused.Errors, e => e.Field == FlowFields.Likelihood);

        var cut = Context.Render<ScoreForm>(p => p.Add(f => f.View, (ScoreStepView)refused.View).AddCascadingValue(Session(language)));

        Assert.Equal(error.Message, cut.Find($"#{FieldMessages.IdOf(FlowFields.Likelihood)}").TextContent);
        Assert.Contains(language == Language.English ? "Calculate" : "Beregn", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_likelihood_levels_show_the_methods_anchors_and_a_scored_line_shows_its_band_with_its_label()
    {
        var state = AtFirstScore();
        var step = (ScoreStepView)Flow.View(state, Today, Language.Danish);
        var scored = (ScoreStepView)Flow.Save(state, step.Input with { Likelihood = 2, ExpectedOutageHours = step.Availability is null ? null : 1 }, Today, Language.Danish).View;
        Assert.NotNull(scored.Score);

        var cut = Context.Render<ScoreForm>(p => p.Add(f => f.View, scored).AddCascadingValue(Session(Language.Danish)));

        foreach (var level in scored.LikelihoodLevels)
        {
            Assert.Contains(level.Anchor, cut.Find($"label[for=likelihood-{level.Value}]").TextContent, StringComparison.Ordinal);
        }

        var band = cut.Find(".band");
        Assert.Equal(scored.Score.Band.Label, band.TextContent);
        Assert.Contains(scored.Score.Band.Color, band.GetAttribute("style"), StringComparison.Ordinal);
        Assert.True(cut.Find("#likelihood-2").HasAttribute("checked"));
    }

    private static FlowState AtFirstScore()
    {
        var profile = AtProfile();
        var events = Accepted(Flow.Next(profile, ((ProfileStepView)Flow.View(profile, Today)).Input, Today));
        return Accepted(Flow.Next(events, ((EventsStepView)Flow.View(events, Today)).Input, Today));
    }
}
