using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FluentUI.AspNetCore.Components;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Tab.Assessing;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Tab.Tests.Assessing;

/// <summary>The treatment step of a Kritisk line (likelihood 4 × consequence 4 = 16): interim measures and responsible people typed as e-mail addresses.</summary>
public sealed class TreatmentFormTests : TabTest
{
    private const string Karen = "5eed0000-0000-4000-8000-000000000022";
    private const string KarenEmail = "karen.holm@norddjurs.example";
    private readonly InMemoryDirectory _directory = new("tenant");
    private readonly ResponsiblePeople _people;

    public TreatmentFormTests()
    {
        _directory.Add(Owner, "alexw@norddjurs.example", "Alex Wilber");
        _directory.Add(Karen, KarenEmail, "Karen Holm");
        _people = new ResponsiblePeople(_directory);
        Context.Services.AddSingleton(_people);
    }

    [Theory]
    [InlineData(Language.Danish, "Midlertidige tiltag", "direktionen")]
    [InlineData(Language.English, "Interim measures", "Executive")]
    public void A_critical_line_asks_for_interim_measures_here_and_no_longer_points_to_the_bot(Language language, string heading, string authority)
    {
        var (_, view) = AtCriticalTreatment(language);
        Assert.True(view.Rule.InterimMeasuresRequired);

        var cut = Render(view, language);

        Assert.Contains(heading, cut.FindAll("h3").Select(h => h.TextContent));
        Assert.NotEmpty(cut.Find("label[for=interim-0-description]").TextContent);
        Assert.Equal("alexw@norddjurs.example", cut.Find("#interim-0-responsible").GetAttribute("value"));
        Assert.Contains("Alex Wilber", cut.Find("#interim-0-responsible-hint").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#kind-Accept"));
        Assert.Contains(authority, cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("bot", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_plan_with_people_typed_as_addresses_becomes_the_input_the_bots_card_reader_builds()
    {
        var (state, view) = AtCriticalTreatment(Language.Danish);
        StepInput? sent = null;
        var cut = Render(view, Language.Danish, input => sent = input);

        cut.Find("#kind-Reduce").Change(true);
        await ClickAsync(cut, "Tilføj tiltag");
        cut.Find("#measure-0-description").Change("Redundant strømforsyning");
        cut.Find("#measure-0-responsible").Change(KarenEmail);
        cut.Find("#interim-0-description").Change("Nødprocedure på papir");
        cut.Find("#interim-0-responsible").Change(" " + KarenEmail);
        await ClickAsync(cut, "Gem og fortsæt");

        var resolved = await _people.ResolveAsync((TreatmentStepInput)sent!, Language.Danish, CancellationToken.None);
        Assert.Empty(resolved.Errors);
        var latest = view.Rule.LatestDeadline!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lowestL = view.TargetLikelihoods.Min(l => l.Value).ToString(CultureInfo.InvariantCulture);
        var lowestC = view.TargetConsequences.Min(l => l.Value).ToString(CultureInfo.InvariantCulture);
        var bot = await BotCardReading.ReadAsync(_directory, view.Step, Examples.HomeCare,
            ("kind", "reduce"), ("measures[0].description", "Redundant strømforsyning"), ("measures[0].responsible", KarenEmail), ("measures[0].deadline", latest),
            ("measures[0].targetLikelihood", lowestL), ("measures[0].targetConsequence", lowestC),
            ("interimMeasures[0].description", "Nødprocedure på papir"), ("interimMeasures[0].responsible", KarenEmail));
        BotCardReading.AssertSame(bot, resolved.Input);
        Assert.Equal(Karen, Assert.Single(resolved.Input.InterimMeasures!).ResponsibleObjectId);
        Assert.True(Flow.Next(state, resolved.Input, Today).Accepted);
    }

    [Theory]
    [InlineData(Language.Danish, "Ingen i kommunens adressebog har e-mailadressen «nobody@norddjurs.example».")]
    [InlineData(Language.English, "Nobody in the municipality's directory has the e-mail address “nobody@norddjurs.example”.")]
    public async Task An_address_nobody_has_is_refused_by_its_field_and_kept_as_typed(Language language, string message)
    {
        var (state, view) = AtCriticalTreatment(language);
        var typed = view.Input with
        {
            Kind = TreatmentKind.Reduce,
            Measures = [new MeasureStepInput(null, "Redundant strømforsyning", Owner, view.Rule.LatestDeadline, 1, 1)],
            InterimMeasures = [new InterimMeasureInput("Nødprocedure", "nobody@norddjurs.example")],
        };

        var resolved = await _people.ResolveAsync(typed, language, CancellationToken.None);
        var field = FlowFields.InterimMeasure(0, "responsibleObjectId");
        var error = Assert.Single(resolved.Errors);
        Assert.Equal((field, message), (error.Field, error.Message));
        var shown = Flow.Preview(state, resolved.Input, Today, language) with { Errors = resolved.Errors };
        var cut = Render((TreatmentStepView)shown, language);

        Assert.Equal(message, cut.Find($"#{FieldMessages.IdOf(field)}").TextContent);
        Assert.Equal("nobody@norddjurs.example", cut.Find("#interim-0-responsible").GetAttribute("value"));
        Assert.Equal("true", cut.Find("#interim-0-responsible").GetAttribute("aria-invalid"));
        Assert.Contains(FieldMessages.IdOf(field), cut.Find("#interim-0-responsible").GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Danish)]
    [InlineData(Language.English)]
    public void A_critical_plan_without_interim_measures_shows_the_engines_message_by_them(Language language)
    {
        var (state, view) = AtCriticalTreatment(language);
        var refused = Flow.Next(state, view.Input with
        {
            Kind = TreatmentKind.Reduce,
            Measures = [new MeasureStepInput(null, "Redundant strømforsyning", Owner, view.Rule.LatestDeadline, 1, 1)],
            InterimMeasures = [],
        }, Today, language);
        var error = Assert.Single(refused.Errors, e => e.Field == FlowFields.InterimMeasures);

        var cut = Render((TreatmentStepView)refused.View, language);

        Assert.Equal(error.Message, cut.Find($"#{FieldMessages.IdOf(FlowFields.InterimMeasures)}").TextContent);
    }

    private IRenderedComponent<TreatmentForm> Render(TreatmentStepView view, Language language, Action<StepInput>? next = null) =>
        Context.Render<TreatmentForm>(p => p.Add(f => f.View, view).Add(f => f.OnNext, (StepInput input) => next?.Invoke(input)).AddCascadingValue(Session(language)));

    private static async Task ClickAsync(IRenderedComponent<TreatmentForm> cut, string text)
    {
        var button = cut.FindComponents<FluentButton>().Single(b => b.Markup.Contains(text, StringComparison.Ordinal));
        await cut.InvokeAsync(() => button.Instance.OnClick.InvokeAsync());
    }

    /// <summary>The first event scored 4 × 4 (an override up, with its reason), the rest at likelihood 1, then on to that line's treatment.</summary>
    private static (FlowState State, TreatmentStepView View) AtCriticalTreatment(Language language)
    {
        var state = AtFirstScore();
        var max = Examples.Method.Scale.Max;
        var first = true;
        while (Flow.View(state, Today) is ScoreStepView score)
        {
            var input = score.Input with { Likelihood = first ? max : 1, ExpectedOutageHours = score.Availability is null ? null : 1 };
            state = Accepted(Flow.Next(state, first ? input with { OverrideConsequence = max, OverrideReason = "Kritisk til prøve" } : input, Today));
            first = false;
        }

        var view = Assert.IsType<TreatmentStepView>(Flow.View(state, Today, language));
        Assert.Equal(max * max, view.Score.Points);
        return (state, view);
    }
}
