using System.Globalization;
using System.Resources;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Tab.Shell;

/// <summary>The tab's own texts (<c>Shell/Texts.resx</c> Danish, <c>Texts.en.resx</c> English) and its date format (design.md §9).</summary>
public static class TabText
{
    private static readonly ResourceManager Resources = new("Norddjurs.TeamsRisk.Tab.Shell.Texts", typeof(TabText).Assembly);
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Get(string key, Language language, params (string Name, object Value)[] args)
    {
        // English from the English satellite only, so a missing translation shows as the key, not as Danish.
        var template = language == Language.English
            ? Resources.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)?.GetString(key)
            : Resources.GetString(key, CultureInfo.InvariantCulture);
        var text = template ?? key;
        foreach (var (name, value) in args)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, CultureOf(language)), StringComparison.Ordinal);
        }

        return text;
    }

    public static CultureInfo CultureOf(Language language) => language == Language.English ? English : Danish;

    /// <summary>"1. december 2026" in Danish, "1 December 2026" in English.</summary>
    public static string Date(DateOnly date, Language language) =>
        date.ToString(language == Language.English ? "d MMMM yyyy" : "d. MMMM yyyy", CultureOf(language));

    /// <summary>Every key of the Danish texts, for the completeness test.</summary>
    public static IReadOnlyList<string> Keys() =>
        [.. Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> EnglishKeys() =>
        [.. Resources.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];
}
