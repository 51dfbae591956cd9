using Microsoft.AspNetCore.Http;
using Norddjurs.TeamsRisk.App.Endpoints;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>The API's own texts exist in both languages, and the caller's language is read from Accept-Language (design.md §9).</summary>
public sealed class ApiTextsTests
{
    [Fact]
    public void Every_api_text_exists_in_Danish_and_English()
    {
        var keys = ApiTexts.Keys();

        Assert.Contains("api.rejected", keys);
        Assert.All(keys, key =>
        {
            Assert.NotEqual(key, ApiTexts.Get(key, Language.Danish));
            Assert.NotEqual(key, ApiTexts.Get(key, Language.English));
            Assert.NotEqual(ApiTexts.Get(key, Language.Danish), ApiTexts.Get(key, Language.English));
        });
    }

    [Theory]
    [InlineData(null, Language.Danish)]
    [InlineData("", Language.Danish)]
    [InlineData("en", Language.English)]
    [InlineData("en-GB,en;q=0.9", Language.English)]
    [InlineData("da-DK", Language.Danish)]
    [InlineData("de-DE, en;q=0.5", Language.English)]
    [InlineData("en;q=0.4, da;q=0.8", Language.Danish)]
    [InlineData("fr-FR", Language.Danish)]
    [InlineData("not a language ;;;", Language.Danish)]
    public void The_callers_language_is_the_preferred_of_Danish_and_English(string? header, Language expected)
    {
        var http = new DefaultHttpContext();
        if (header is not null)
        {
            http.Request.Headers.AcceptLanguage = header;
        }

        Assert.Equal(expected, ApiLanguage.Of(http.Request));
    }
}
