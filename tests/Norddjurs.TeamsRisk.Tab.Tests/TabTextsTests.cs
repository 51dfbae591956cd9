using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Common;

namespace Norddjurs.TeamsRisk.Tab.Tests;

public sealed class TabTextsTests
{
    [Fact]
    public void Every_danish_text_has_an_english_one()
    {
        var keys = TabTexts.Keys();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.NotEqual(key, TabTexts.Get(key, Language.English)));
    }

    [Fact]
    public void Dates_are_written_the_danish_way_by_default()
    {
        Assert.Equal("2. marts 2026", TabFormat.Date(new DateOnly(2026, 3, 2), Language.Danish));
        Assert.Equal("2 March 2026", TabFormat.Date(new DateOnly(2026, 3, 2), Language.English));
        Assert.Equal("5.000", TabFormat.Number(5000, Language.Danish));
    }
}
