using System.Globalization;
using System.Resources;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Tab.Common;

/// <summary>
/// The tab's own texts: <c>Common/Texts.resx</c> (Danish) and <c>Texts.en.resx</c>; method texts come from the method
/// data, dates and numbers from <see cref="TabFormat"/> (design.md §9).
/// </summary>
public static class TabTexts
{
    private static readonly ResourceManager Resources = new("Norddjurs.TeamsRisk.Tab.Common.Texts", typeof(TabTexts).Assembly);

    public static string Get(string key, Language language, params (string Name, object? Value)[] args)
    {
        // English from the English satellite only, so a missing translation shows as the key, not as Danish.
        var template = language == Language.English
            ? Resources.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)?.GetString(key)
            : Resources.GetString(key, CultureInfo.InvariantCulture);
        var text = template ?? key;
        foreach (var (name, value) in args)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, TabFormat.Culture(language)), StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Every key of the Danish texts, for the completeness test.</summary>
    public static IReadOnlyList<string> Keys() =>
        [.. Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> EnglishKeys() =>
        [.. Resources.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];
}
