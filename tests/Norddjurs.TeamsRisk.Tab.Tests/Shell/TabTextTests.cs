using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Shell;

namespace Norddjurs.TeamsRisk.Tab.Tests.Shell;

public sealed class TabTextTests
{
    [Fact]
    public void Every_Danish_text_has_an_English_one_and_no_other()
    {
        Assert.Equal(TabText.Keys(), TabText.EnglishKeys());
    }

    [Theory]
    [InlineData(Language.Danish, "1. december 2026")]
    [InlineData(Language.English, "1 December 2026")]
    public void Dates_read_d_MMMM_yyyy_in_the_users_language(Language language, string expected)
    {
        Assert.Equal(expected, TabText.Date(new DateOnly(2026, 12, 1), language));
    }

    [Theory]
    [InlineData(Language.Danish, "Fortsæt vurderingen af Lønsystem")]
    [InlineData(Language.English, "Continue the assessment of Lønsystem")]
    public void Texts_take_their_arguments(Language language, string expected)
    {
        Assert.Equal(expected, TabText.Get("my.continue_for", language, ("system", "Lønsystem")));
    }
}
