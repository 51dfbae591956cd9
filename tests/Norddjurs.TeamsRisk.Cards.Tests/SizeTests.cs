using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Building;
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
}
