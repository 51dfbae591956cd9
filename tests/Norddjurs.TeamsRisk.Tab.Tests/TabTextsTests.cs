using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Common;

namespace Norddjurs.TeamsRisk.Tab.Tests;

public sealed class TabTextsTests
{
    [Fact]
    public void Every_Danish_text_has_an_English_one_and_no_other()
    {
        Assert.NotEmpty(TabTexts.Keys());
        Assert.Equal(TabTexts.Keys(), TabTexts.EnglishKeys());
        Assert.All(TabTexts.Keys(), key => Assert.NotEqual(key, TabTexts.Get(key, Language.English)));
    }

    [Fact]
    public void Dates_and_numbers_are_written_the_Danish_way_by_default()
    {
        Assert.Equal("2. marts 2026", TabFormat.Date(new DateOnly(2026, 3, 2), Language.Danish));
        Assert.Equal("2 March 2026", TabFormat.Date(new DateOnly(2026, 3, 2), Language.English));
        Assert.Equal("1. december 2026", TabFormat.Date(new DateOnly(2026, 12, 1), Language.Danish));
        Assert.Equal("5.000", TabFormat.Number(5000, Language.Danish));
    }

    [Theory]
    [InlineData(Language.Danish, "Fortsæt vurderingen af Lønsystem")]
    [InlineData(Language.English, "Continue the assessment of Lønsystem")]
    public void Texts_take_their_arguments(Language language, string expected)
    {
        Assert.Equal(expected, TabTexts.Get("my.continue_for", language, ("system", "Lønsystem")));
    }
}
