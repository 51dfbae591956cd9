using Bunit;
using Microsoft.FluentUI.AspNetCore.Components;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Testing.Identity;
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

    [Fact]
    public void Without_peak_periods_the_bump_is_not_offered_and_none_is_sent()
    {
        var (_, view) = AtAvailabilityScore(peakPeriods: false);

        var cut = Context.Render<ScoreForm>(p => p.Add(f => f.View, view).AddCascadingValue(Session(Language.Danish)));

        Assert.Empty(cut.FindAll("#peak-bump"));
        Assert.Equal((0, (string?)null), (cut.Instance.Input().PeakBump, cut.Instance.Input().PeakReason));
        Assert.Contains("Planen siger: MTD", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Danish, "Tillæg for spidsbelastning")]
    [InlineData(Language.English, "Peak period bump")]
    public void A_bump_without_its_reason_shows_the_engines_message_by_the_reason(Language language, string label)
    {
        var (state, view) = AtAvailabilityScore(peakPeriods: true);
        var refused = Flow.Next(state, view.Input with { Likelihood = 2, ExpectedOutageHours = 4, PeakBump = 1 }, Today, language);
        var error = Assert.Single(refused.Errors, e => e.Field == FlowFields.PeakReason);

        var cut = Context.Render<ScoreForm>(p => p.Add(f => f.View, (ScoreStepView)refused.View).AddCascadingValue(Session(language)));

        Assert.Equal(label, cut.Find("label[for=peak-bump]").TextContent);
        Assert.Equal("1", cut.Find("#peak-bump option[selected]").GetAttribute("value"));
        Assert.Equal(error.Message, cut.Find($"#{FieldMessages.IdOf(FlowFields.PeakReason)}").TextContent);
        Assert.Contains(FieldMessages.IdOf(FlowFields.PeakReason), cut.Find("#peak-reason").GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bump_with_its_reason_is_sent_as_the_bots_card_reader_reads_it_and_raises_availability()
    {
        var (state, view) = AtAvailabilityScore(peakPeriods: true);
        StepInput? sent = null;
        var cut = Context.Render<ScoreForm>(p => p.Add(f => f.View, view).Add(f => f.OnNext, (StepInput input) => sent = input).AddCascadingValue(Session(Language.Danish)));

        cut.Find("#likelihood-3").Change("3");
        cut.Find("#outage").Change("4");
        cut.Find("#peak-bump").Change("1");
        cut.Find("#peak-reason").Change("Lønkørsel i månedens sidste uge");
        await cut.InvokeAsync(() => cut.FindComponents<FluentButton>().Single(b => b.Markup.Contains("Gem og fortsæt", StringComparison.Ordinal)).Instance.OnClick.InvokeAsync());

        var bot = await BotCardReading.ReadAsync(new InMemoryDirectory("tenant"), view.Step, Examples.HomeCare,
            ("likelihood", "3"), ("existingMeasures", string.Empty), ("expectedOutageHours", "4"), ("peakBump", "1"), ("peakReason", "Lønkørsel i månedens sidste uge"));
        BotCardReading.AssertSame(bot, sent);
        var bumped = (ScoreStepView)Flow.Save(state, sent!, Today).View;
        var plain = (ScoreStepView)Flow.Save(state, (ScoreStepInput)sent! with { PeakBump = 0, PeakReason = null }, Today).View;
        Assert.Equal(1, bumped.Availability!.Result!.PeakBump);
        Assert.Equal(Math.Min(plain.Availability!.Result!.Level.Value + 1, Examples.Method.Scale.Max), bumped.Availability.Result.Level.Value);
    }

    /// <summary>The first Score step for an event that affects A, the ones before it answered with the lowest likelihood.</summary>
    private static (FlowState State, ScoreStepView View) AtAvailabilityScore(bool peakPeriods)
    {
        var profile = Accepted(Flow.Next(Started(), new FactsStepInput(Examples.HomeCare with { HasPeakPeriods = peakPeriods }), Today));
        var events = Accepted(Flow.Next(profile, ((ProfileStepView)Flow.View(profile, Today)).Input, Today));
        var state = Accepted(Flow.Next(events, ((EventsStepView)Flow.View(events, Today)).Input, Today));
        while (Flow.View(state, Today) is ScoreStepView view)
        {
            if (view.Availability is not null)
            {
                return (state, view);
            }

            state = Accepted(Flow.Next(state, view.Input with { Likelihood = 1 }, Today));
        }

        throw new InvalidOperationException("The home-care example has no event that affects A.");
    }
}
