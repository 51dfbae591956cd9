using System.Text.RegularExpressions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Cards.Tests.Samples;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Tests;

/// <summary>design.md §9: Danish first, English second, <c>d. MMMM yyyy</c> and decimal comma in Danish.</summary>
public sealed partial class LanguageAndFormatTests
{
    [Fact]
    public void Every_Danish_text_has_an_English_one_with_the_same_placeholders()
    {
        var keys = CardTexts.AllKeys();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var english = CardTexts.Find(key, Language.English);
            Assert.False(english is null, $"'{key}' has no English text");
            Assert.Equal(Placeholders(CardTexts.Get(key, Language.Danish)), Placeholders(english!));
        }
    }

    [Fact]
    public void A_missing_text_is_an_error_not_a_silent_key() =>
        Assert.Throws<KeyNotFoundException>(() => CardTexts.Get("no.such.key", Language.Danish));

    [Theory]
    [InlineData(Language.Danish, "5. marts 2027")]
    [InlineData(Language.English, "5 March 2027")]
    public void Dates_are_written_in_the_users_language(Language language, string expected) =>
        Assert.Equal(expected, CardFormat.Date(new DateOnly(2027, 3, 5), language));

    [Theory]
    [InlineData(Language.Danish, 1.5, "1,5")]
    [InlineData(Language.English, 1.5, "1.5")]
    [InlineData(Language.Danish, 2000, "2000")]
    [InlineData(Language.Danish, 0.25, "0,25")]
    public void Numbers_have_a_decimal_comma_in_Danish(Language language, double value, string expected) =>
        Assert.Equal(expected, CardFormat.Number(value, language));

    [Fact]
    public void The_list_shows_deadlines_as_dates_in_the_users_language()
    {
        Assert.Contains("5. marts 2027", Values(CardSamples.All["my-assessments"](Language.Danish)));
        Assert.Contains("5 March 2027", Values(CardSamples.All["my-assessments"](Language.English)));
    }

    [Fact]
    public void The_score_card_shows_the_RPO_with_a_decimal_comma_in_Danish()
    {
        Assert.Contains(CardTree.Texts(CardSamples.All["score-ransomware"](Language.Danish)), t => t.Contains("RPO 1,5 timer", StringComparison.Ordinal));
        Assert.Contains(CardTree.Texts(CardSamples.All["score-ransomware"](Language.English)), t => t.Contains("RPO 1.5 hours", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("welcome")]
    [InlineData("facts")]
    [InlineData("score-ransomware")]
    [InlineData("summary")]
    public void The_English_card_has_the_Danish_cards_shape_in_other_words(string name)
    {
        var danish = CardSamples.All[name](Language.Danish);
        var english = CardSamples.All[name](Language.English);
        Assert.Equal(CardTree.Objects(danish).Select(o => (string?)o["type"]), CardTree.Objects(english).Select(o => (string?)o["type"]));
        Assert.Equal(CardTree.Inputs(danish).Select(i => (string?)i["id"]), CardTree.Inputs(english).Select(i => (string?)i["id"]));
        Assert.NotEqual(CardTree.Texts(danish), CardTree.Texts(english));
    }

    private static IEnumerable<string> Values(System.Text.Json.Nodes.JsonNode card) =>
        CardTree.OfType(card, "FactSet").SelectMany(f => f["facts"]!.AsArray()).Select(f => (string)f!["value"]!);

    private static string[] Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex PlaceholderPattern();
}
