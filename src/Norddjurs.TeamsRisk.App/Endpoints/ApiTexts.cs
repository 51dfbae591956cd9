using System.Globalization;
using System.Resources;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>The API's own texts (<c>Endpoints/Texts.resx</c> Danish, <c>Texts.en.resx</c> English); domain errors bring theirs from Core.</summary>
internal static class ApiTexts
{
    private static readonly ResourceManager Resources = new("Norddjurs.TeamsRisk.App.Endpoints.Texts", typeof(ApiTexts).Assembly);

    public static string Get(string key, Language language, IReadOnlyDictionary<string, string>? args = null)
    {
        // English from the English satellite only, so a missing translation shows as the key, not as Danish.
        var template = language == Language.English
            ? Resources.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)?.GetString(key)
            : Resources.GetString(key, CultureInfo.InvariantCulture);
        var text = template ?? key;
        foreach (var (name, value) in args ?? new Dictionary<string, string>())
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>An error of the API itself reads like a domain error: the Core texts when they know the code, else ours.</summary>
    public static string Message(DomainError error, Language language) =>
        error.Code.StartsWith("api.", StringComparison.Ordinal) ? Get(error.Code, language, error.Args) : error.Message(language);

    /// <summary>Every key of the Danish texts, for the completeness test.</summary>
    public static IReadOnlyList<string> Keys() =>
        [.. Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];
}
