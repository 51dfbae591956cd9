using Microsoft.Net.Http.Headers;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>The caller's language from <c>Accept-Language</c>: the preferred of Danish and English, Danish when neither (design.md §9).</summary>
internal static class ApiLanguage
{
    public static Language Of(HttpRequest request)
    {
        IList<StringWithQualityHeaderValue> accepted;
        try
        {
            accepted = request.GetTypedHeaders().AcceptLanguage;
        }
        catch (FormatException)
        {
            return Language.Danish;
        }

        foreach (var value in accepted.OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = value.Value.Value ?? string.Empty;
            if (tag.StartsWith("da", StringComparison.OrdinalIgnoreCase))
            {
                return Language.Danish;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Language.English;
            }
        }

        return Language.Danish;
    }
}
