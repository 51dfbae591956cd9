using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Cards.Tests.Samples;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Cards.Tests;

/// <summary>What each step card shows and asks, per risk-method.md §2.1 steps 3–7 and §3.</summary>
public sealed class StepCardTests
{
    private static readonly MethodData Danish = new(Language.Danish);

    [Theory]
    [InlineData("profile-lowered", CardInputIds.ConfidentialityReason)]
    [InlineData("score-unanswered", CardInputIds.Likelihood)]
    [InlineData("events-full-catalogue", "deselectionReasons[TEC-CHANGE]")]
    [InlineData("treatment-high", "measures[0].responsible")]
    public void An_error_is_shown_in_red_next_to_its_input_and_at_the_top(string name, string inputId)
    {
        var card = CardSamples.All[name](Language.Danish);
        var next = CardTree.After(card, inputId);
        Assert.NotNull(next);
        Assert.Equal(("TextBlock", "Attention"), ((string?)next["type"], (string?)next["color"]));
        var top = card["body"]!.AsArray().OfType<JsonObject>().First(o => (string?)o["style"] == "attention");
        Assert.Contains((string)next["text"]!, CardTree.Texts(top).Select(t => t.TrimStart('•', ' ')));
    }

    [Fact]
    public void A_card_without_errors_has_no_error_block()
    {
        var card = CardSamples.All["facts"](Language.Danish);
        Assert.DoesNotContain(CardTree.Objects(card), o => (string?)o["color"] == "Attention" || (string?)o["style"] == "attention");
    }

    [Fact]
    public void The_facts_card_asks_for_every_fact_with_the_records_values()
    {
        var card = CardSamples.All["facts"](Language.Danish);
        Assert.Equal("true", (string?)CardTree.Input(card, "facts.personalData")["value"]);
        Assert.Equal("sensitive", (string?)CardTree.Input(card, "facts.highestDataClass")["value"]);
        Assert.Equal(2000, (double)CardTree.Input(card, "facts.dataSubjectsApprox")["value"]!);
        Assert.Equal(1.5, (double)CardTree.Input(card, "facts.rpoHours")["value"]!);
        Assert.Equal("no", (string?)CardTree.Input(card, "facts.thirdCountryTransfer")["value"]);
        Assert.All(CardTree.Inputs(card), i => Assert.StartsWith(CardInputIds.FactsPrefix, (string)i["id"]!, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_facts_input_names_a_settable_SystemFacts_property_and_every_owner_fact_is_asked()
    {
        var card = CardSamples.All["facts"](Language.Danish);
        var properties = typeof(Core.Assessments.SystemFacts).GetProperties().Where(p => p.CanWrite).ToDictionary(p => FactsCard.Id(p.Name));
        var ids = CardTree.Inputs(card).Select(i => (string)i["id"]!).ToArray();
        Assert.All(ids, id => Assert.Contains(id, properties.Keys));
        // Identity, the record's version and the committee's clearance are not the owner's to correct.
        string[] notAsked = ["SystemId", "RecordVersion", "Planned", "ThirdCountryClearedByCommittee"];
        Assert.Equal(properties.Values.Select(p => p.Name).Except(notAsked).Order(), ids.Select(id => properties[id].Name).Order());
    }

    [Fact]
    public void The_profile_card_shows_the_suggestion_and_asks_for_a_reason_when_lowered()
    {
        var card = CardSamples.All["profile-lowered"](Language.Danish);
        Assert.Equal("3", (string?)CardTree.Input(card, CardInputIds.Confidentiality)["value"]);
        Assert.Equal("4", (string?)CardTree.Input(card, CardInputIds.Integrity)["value"]);
        Assert.Contains("Forslag: 4 Meget alvorlig", CardTree.Texts(card));
        Assert.Contains("påkrævet", (string?)CardTree.Input(card, CardInputIds.ConfidentialityReason)["label"], StringComparison.Ordinal);
        Assert.DoesNotContain("påkrævet", (string?)CardTree.Input(card, CardInputIds.IntegrityReason)["label"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_events_card_lists_the_whole_catalogue_grouped_with_baseline_events_preselected()
    {
        var card = CardSamples.All["events-full-catalogue"](Language.Danish);
        foreach (var e in MethodData.Catalogue.Events)
        {
            var toggle = CardTree.Input(card, CardInputIds.EventSelected(e.Id));
            var expected = e.Id != "TEC-CHANGE" && (e.Baseline || e.Id == "CYB-TARGETED");
            Assert.Equal(expected ? "true" : "false", (string?)toggle["value"]);
            Assert.Equal(e.Baseline, ((string)toggle["title"]!).Contains("basis", StringComparison.Ordinal));
            Assert.Equal(e.Baseline || e.Id == "CYB-TARGETED", CardTree.Inputs(card).Any(i => (string?)i["id"] == CardInputIds.DeselectionReason(e.Id)));
        }

        var headings = CardTree.Texts(card).ToArray();
        Assert.All(MethodData.Catalogue.Groups, g => Assert.Contains(Danish.Of(g.Label), headings));
        Assert.Equal("true", (string?)CardTree.Input(card, CardInputIds.EventSelected("CUS-1"))["value"]);
        Assert.All([Dimension.Confidentiality, Dimension.Integrity, Dimension.Availability], d => CardTree.Input(card, CardInputIds.NewEventDimension(d)));
        CardTree.Input(card, CardInputIds.NewEventName);
        Assert.Contains(CardVerbs.Save, CardTree.Verbs(card));
    }

    [Fact]
    public void The_score_card_asks_likelihood_with_anchors_outage_and_override_and_shows_points_band_and_appetite()
    {
        var card = CardSamples.All["score-ransomware"](Language.Danish);
        var likelihood = CardTree.Input(card, CardInputIds.Likelihood);
        Assert.Equal("2", (string?)likelihood["value"]);
        var choices = likelihood["choices"]!.AsArray().Select(c => (string)c!["title"]!).ToArray();
        Assert.Equal(MethodData.Method.Likelihood.Levels.Count, choices.Length);
        Assert.All(MethodData.Method.Likelihood.Levels, l => Assert.Contains(choices, c => c.Contains(Danish.Of(l.Anchor), StringComparison.Ordinal)));
        Assert.All(MethodData.Method.Likelihood.Levels, l => Assert.Contains(CardTree.Texts(card), t => t.Contains(Danish.Of(l.Guidance), StringComparison.Ordinal)));
        Assert.Equal("0,1", (string?)CardTree.Input(card, CardInputIds.ExistingMeasures)["value"]);
        Assert.Equal(120, (double)CardTree.Input(card, CardInputIds.ExpectedOutageHours)["value"]!);
        Assert.Null(CardTree.Input(card, CardInputIds.OverrideConsequence)["value"]);
        Assert.Contains("Beregnet konsekvens: 4 Meget alvorlig (afgjort af Fortrolighed)", CardTree.Texts(card));

        var result = CardTree.OfType(card, "Container").Single(c => CardTree.Texts(c).Any(t => t.Contains("= 8 point", StringComparison.Ordinal)));
        Assert.Contains("Høj", CardTree.Texts(result).Single(), StringComparison.Ordinal);
        Assert.Equal(BandBadge.StyleOf(MethodData.Method.Band("high").Color), (string?)result["style"]);
        Assert.Contains("Over risikovilligheden: kræver handling", CardTree.Texts(card));
        Assert.Contains(Danish.Appetite, CardTree.Texts(card));
    }

    [Fact]
    public void The_score_card_without_answers_has_no_result_and_no_outage_result()
    {
        var card = CardSamples.All["score-unanswered"](Language.Danish);
        Assert.Null(CardTree.Input(card, CardInputIds.Likelihood)["value"]);
        Assert.DoesNotContain(CardTree.Texts(card), t => t.Contains(" = ", StringComparison.Ordinal) || t.Contains("timers nedetid", StringComparison.Ordinal));
        Assert.Contains("Vælg sandsynlighed og tryk Beregn for at se point og niveau.", CardTree.Texts(card));
        Assert.DoesNotContain(CardTree.Inputs(card), i => (string?)i["id"] == CardInputIds.PeakBump);
    }

    [Fact]
    public void A_score_card_for_an_event_without_A_asks_no_outage()
    {
        var model = CardSamples.Score(Danish) with { Availability = null };
        var card = ScoreCard.Build(model, Language.Danish);
        Assert.DoesNotContain(CardTree.Inputs(card), i => (string?)i["id"] == CardInputIds.ExpectedOutageHours);
    }

    [Fact]
    public void The_treatment_card_offers_what_the_band_allows_with_measures_and_residual()
    {
        var card = CardSamples.All["treatment-high"](Language.Danish);
        var kinds = CardTree.Input(card, CardInputIds.Kind)["choices"]!.AsArray().Select(c => (string)c!["value"]!).ToArray();
        Assert.Equal(["reduce", "accept", "avoid", "share"], kinds);
        Assert.Equal("reduce", (string?)CardTree.Input(card, CardInputIds.Kind)["value"]);
        var deadline = CardTree.Input(card, CardInputIds.Measure(0, CardInputIds.MeasureProperty.Deadline));
        Assert.Equal(("Input.Date", "2027-03-31"), ((string?)deadline["type"], (string?)deadline["value"]));
        Assert.Equal("1", (string?)CardTree.Input(card, CardInputIds.Measure(0, CardInputIds.MeasureProperty.TargetLikelihood))["value"]);
        CardTree.Input(card, CardInputIds.Measure(1, CardInputIds.MeasureProperty.Description));
        Assert.Contains(CardTree.Texts(card), t => t.Contains("31. maj 2027", StringComparison.Ordinal));
        Assert.Contains("4 point · Middel", CardTree.Texts(card));
        Assert.DoesNotContain(CardTree.Inputs(card), i => ((string)i["id"]!).StartsWith("interimMeasures", StringComparison.Ordinal));
    }

    [Fact]
    public void A_critical_line_with_a_compliance_gap_cannot_be_accepted_and_asks_interim_measures()
    {
        var card = CardSamples.All["treatment-critical-gap"](Language.Danish);
        var kinds = CardTree.Input(card, CardInputIds.Kind)["choices"]!.AsArray().Select(c => (string)c!["value"]!).ToArray();
        Assert.Equal(["reduce", "avoid"], kinds);
        Assert.Equal("Stop overførsel af nye sager", (string?)CardTree.Input(card, CardInputIds.InterimMeasure(0, CardInputIds.MeasureProperty.Description))["value"]);
        CardTree.Input(card, CardInputIds.InterimMeasure(1, CardInputIds.MeasureProperty.Responsible));
        Assert.Contains(CardTree.Texts(card), t => t.StartsWith("Compliance-hul: Ingen databehandleraftale", StringComparison.Ordinal));
        var badge = CardTree.OfType(card, "Container").First(c => CardTree.Texts(c).Any(t => t.StartsWith("Nuværende risiko", StringComparison.Ordinal)));
        Assert.Equal("attention", (string?)badge["style"]);
        Assert.Contains("Kritisk", CardTree.Texts(badge).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_shows_every_line_with_points_and_band_the_headline_and_the_flags()
    {
        var model = CardSamples.Summary(Danish);
        var card = SummaryCard.Build(model, Language.Danish);
        var texts = CardTree.Texts(card).ToArray();
        foreach (var line in model.Lines)
        {
            Assert.Contains(texts, t => t.StartsWith($"{line.Event.Name} · {line.Score!.Points} point · {line.Score.Band.Label}", StringComparison.Ordinal));
        }

        Assert.Contains("Højeste niveau: Høj", texts);
        Assert.Contains("Kritisk: 0 · Høj: 2 · Middel: 0 · Lav: 1", texts);
        Assert.Contains("Over risikovilligheden: 2", texts);
        Assert.Contains(texts, t => t.Contains("DPIA, art. 35", StringComparison.Ordinal));
        Assert.Contains(CardVerbs.Submit, CardTree.Verbs(card));
        Assert.DoesNotContain(CardVerbs.Next, CardTree.Verbs(card));
        var jumps = CardTree.Input(card, CardInputIds.JumpTarget)["choices"]!.AsArray().Select(c => CardStep.Parse((string)c!["value"]!)).ToArray();
        Assert.Equal(model.JumpTargets.Select(j => j.Step), jumps);
    }

    [Fact]
    public void An_incomplete_summary_lists_what_is_missing_jumps_there_first_and_offers_no_submit()
    {
        var model = CardSamples.SummaryOfEveryEvent(Danish);
        var card = SummaryCard.Build(model, Language.Danish);
        Assert.DoesNotContain(CardVerbs.Submit, CardTree.Verbs(card));
        Assert.Contains("• " + model.Issues[0].Message, CardTree.Texts(card));
        Assert.Equal(model.Issues[0].Target!.Token, (string?)CardTree.Input(card, CardInputIds.JumpTarget)["value"]);
    }

    [Theory]
    [InlineData("low", "good")]
    [InlineData("medium", "warning")]
    [InlineData("high", "warning")]
    [InlineData("critical", "attention")]
    public void Each_band_colour_maps_to_the_nearest_card_style(string band, string style) =>
        Assert.Equal(style, BandBadge.StyleOf(MethodData.Method.Band(band).Color));

    [Theory]
    [InlineData("score-ransomware")]
    [InlineData("treatment-high")]
    [InlineData("summary")]
    public void Every_coloured_band_box_says_its_band_in_words(string name)
    {
        var card = CardSamples.All[name](Language.Danish);
        var labels = MethodData.Method.Bands.Select(b => Danish.Of(b.Label)).ToArray();
        var boxes = CardTree.OfType(card, "Container").Where(c => (string?)c["style"] is "good" or "warning").ToArray();
        Assert.NotEmpty(boxes);
        Assert.All(boxes, box => Assert.Contains(labels, l => CardTree.Texts(box).Any(t => t.Contains(l, StringComparison.Ordinal))));
    }
}
