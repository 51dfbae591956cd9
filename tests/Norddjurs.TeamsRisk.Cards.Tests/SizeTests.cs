using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Cards.Committee;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Cards.Tests.Samples;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Tests;

/// <summary>The 28 KB budget of teams-bot-protocol.md §4.4, counted as UTF-16 over the whole activity.</summary>
public sealed class SizeTests
{
    public static TheoryData<string, Language> Cards() => ValidationTests.Cards();

    [Theory, MemberData(nameof(Cards))]
    public void Card_fits_the_message_budget(string name, Language language)
    {
        var card = CardSamples.All[name](language);
        var size = CardSize.Utf16Bytes(card);
        Assert.True(size <= CardSize.LimitBytes, $"{name} ({language}) is {size} bytes");
        Assert.Same(card, CardSize.EnsureFits(card));
    }

    [Theory]
    [InlineData(Language.Danish)]
    [InlineData(Language.English)]
    public void The_events_card_with_the_whole_default_catalogue_fits(Language language)
    {
        var model = CardSamples.Events(new MethodData(language));
        Assert.Equal(MethodData.Catalogue.Events.Count, model.Groups.Sum(g => g.Events.Count));
        Assert.True(CardSize.Fits(EventsCard.Build(model, language)));
    }

    [Theory]
    [InlineData(Language.Danish)]
    [InlineData(Language.English)]
    public void The_committee_card_with_every_event_above_the_appetite_fits_by_leaving_out_measures(Language language)
    {
        var card = CommitteeCard.Build(CommitteeSamples.EveryEventActionable(new MethodData(language)), language);
        Assert.True(CardSize.Fits(card), $"{CardSize.Utf16Bytes(card)} bytes");
        Assert.Contains(CardTexts.Get("committee.shortened", language), CardJson.Serialize(card), StringComparison.Ordinal);
    }

    [Fact]
    public void The_size_is_the_activity_counted_as_UTF16()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(new JsonObject { ["text"] = "æøå" }) };
        var activity = CardJson.Serialize(CardSize.Activity(card));
        Assert.Contains("\"æøå\"", activity, StringComparison.Ordinal);
        Assert.Contains(CardSize.ContentType, activity, StringComparison.Ordinal);
        Assert.Equal(activity.Length * 2, CardSize.Utf16Bytes(card));
    }

    [Fact]
    public void A_card_over_the_budget_is_refused()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(new JsonObject { ["text"] = new string('x', CardSize.LimitBytes / 2) }) };
        Assert.False(CardSize.Fits(card));
        var refused = Assert.Throws<CardTooLargeException>(() => CardSize.EnsureFits(card));
        Assert.True(refused.SizeBytes > CardSize.LimitBytes);
    }

    [Theory]
    [InlineData(Language.Danish)]
    [InlineData(Language.English)]
    public void A_summary_too_long_for_Teams_is_shortened_to_points_and_band_per_line(Language language)
    {
        var data = new MethodData(language);
        var model = CardSamples.SummaryOfEveryEvent(data);
        var longer = CardSamples.SummaryTooLongForTeams(data);
        var card = SummaryCard.Build(longer, language);

        Assert.True(CardSize.Fits(card));
        var lines = CardTree.OfType(card, "Container").Select(c => CardTree.Texts(c).FirstOrDefault() ?? string.Empty)
            .Where(t => longer.Lines.Any(l => t.StartsWith(l.Event.Name + " · ", StringComparison.Ordinal))).ToArray();
        Assert.Equal(longer.Lines.Count, lines.Length);
        Assert.All(lines, l => Assert.Equal(3, l.Split(" · ").Length));
        var jumps = CardTree.Input(card, Actions.CardInputIds.JumpTarget)["choices"]!.AsArray().Select(c => (string)c!["value"]!).ToArray();
        Assert.Contains(model.Issues[0].Target!.Token, jumps);
        Assert.DoesNotContain(jumps, j => j.StartsWith("Treatment:", StringComparison.Ordinal) && j != model.Issues[0].Target!.Token);
        Assert.Contains(CardTexts.Get("summary.shortened", language), CardTree.Texts(card));
        Assert.DoesNotContain(CardTexts.Get("summary.shortened", language), CardTree.Texts(SummaryCard.Build(model, language)));
    }
}
