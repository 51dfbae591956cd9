using Bunit;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Assessing;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Tab.Tests.Assessing;

public sealed class ProfileFormTests : TabTest
{
    [Fact]
    public void The_suggested_levels_are_checked_and_no_message_is_shown()
    {
        var view = (ProfileStepView)Flow.View(AtProfile(), Today, Language.Danish);

        var cut = Context.Render<ProfileForm>(p => p.Add(f => f.View, view).AddCascadingValue(Session(Language.Danish)));

        Assert.True(cut.Find($"#confidentiality-{view.Confidentiality.Suggested}").HasAttribute("checked"));
        Assert.Empty(cut.FindAll(".validation"));
        Assert.Contains("Forslag ud fra systemets data", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Danish)]
    [InlineData(Language.English)]
    public void A_level_below_the_suggestion_without_a_reason_shows_the_engines_message_next_to_the_reason(Language language)
    {
        var refused = Flow.Next(AtProfile(), new ProfileStepInput(1, null, 1, null), Today, language);
        Assert.False(refused.Accepted);
        var reasonError = Assert.Single(refused.Errors, e => e.Field == FlowFields.ConfidentialityReason);

        var cut = Context.Render<ProfileForm>(p => p.Add(f => f.View, (ProfileStepView)refused.View).AddCascadingValue(Session(language)));

        var message = cut.Find($"#{FieldMessages.IdOf(FlowFields.ConfidentialityReason)}");
        Assert.Equal(reasonError.Message, message.TextContent);
        Assert.Contains(FieldMessages.IdOf(FlowFields.ConfidentialityReason), cut.Find($"#{FlowFields.ConfidentialityReason}").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.True(cut.Find("#confidentiality-1").HasAttribute("checked"));
        Assert.Contains(language == Language.English ? "Save and continue" : "Gem og fortsæt", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Danish, "Kommunen", "En ændring her beregner 1 allerede vurderede hændelser igen.")]
    [InlineData(Language.English, "Municipality", "A change here recalculates 1 events already scored.")]
    public void Each_level_shows_both_views_and_a_profile_revisited_warns_of_the_rescoring(Language language, string municipality, string warning)
    {
        // One event scored, then back to the profile: changing it rescores that line, as the card warns.
        var score = AtFirstScore();
        var first = (ScoreStepView)Flow.View(score, Today);
        var state = Accepted(Flow.Next(score, first.Input with { Likelihood = 1, ExpectedOutageHours = first.Availability is null ? null : 1 }, Today));
        for (var i = 0; i < 3; i++)
        {
            state = Accepted(Flow.Back(state, Today));
        }

        var view = Assert.IsType<ProfileStepView>(Flow.View(state, Today, language));
        Assert.Equal(1, view.ScoredLines);

        var cut = Context.Render<ProfileForm>(p => p.Add(f => f.View, view).AddCascadingValue(Session(language)));

        var level = view.Levels[^1];
        var label = cut.Find($"label[for=confidentiality-{level.Value}]").TextContent;
        Assert.Contains($"{municipality}: {level.Municipality}", label, StringComparison.Ordinal);
        Assert.Contains(level.Citizens, label, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("p.hint"), p => p.TextContent == warning);
    }

    [Fact]
    public void Next_sends_the_chosen_levels_and_reasons_as_the_profile_input()
    {
        var view = (ProfileStepView)Flow.View(AtProfile(), Today, Language.Danish);
        StepInput? sent = null;
        var cut = Context.Render<ProfileForm>(p => p
            .Add(f => f.View, view)
            .Add(f => f.OnNext, (StepInput input) => sent = input)
            .AddCascadingValue(Session(Language.Danish)));

        cut.Find("#confidentiality-2").Change(true);
        cut.Find($"#{FlowFields.ConfidentialityReason}").Change("Kun interne oplysninger");
        cut.Find("fluent-button").Click();

        var profile = Assert.IsType<ProfileStepInput>(sent);
        Assert.Equal(2, profile.Confidentiality);
        Assert.Equal("Kun interne oplysninger", profile.ConfidentialityReason);
        Assert.Equal(view.Integrity.Suggested, profile.Integrity);
    }
}
