using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Building;

/// <summary>
/// The cards' own words (titles, labels, buttons), Danish in <c>Texts.resx</c> and English in <c>Texts.en.resx</c>.
/// Core's <c>Texts</c> searches only Core's assembly, so Cards reads its own resources the same way.
/// Placeholders are named: <c>{points}</c>.
/// </summary>
public static class CardTexts
{
    private static readonly ResourceManager Manager = new("Norddjurs.TeamsRisk.Cards.Texts", typeof(CardTexts).Assembly);

    private static readonly ConcurrentDictionary<(string, Language), string?> Cache = new();

    public static CultureInfo CultureOf(Language language) => language switch
    {
        Language.English => CultureInfo.GetCultureInfo("en-GB"),
        _ => CultureInfo.GetCultureInfo("da-DK"),
    };

    /// <summary>The text, or null when the language's resources lack the key (English never falls back to Danish).</summary>
    public static string? Find(string key, Language language) =>
        Cache.GetOrAdd((key, language), static k => Lookup(k.Item1, k.Item2));

    public static string Get(string key, Language language) =>
        Find(key, language) ?? throw new KeyNotFoundException($"Card text '{key}' is missing for {language}.");

    public static string Format(string key, Language language, params (string Name, string Value)[] args)
    {
        var text = Get(key, language);
        foreach (var (name, value) in args)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Every key of the Danish resources, for the completeness test.</summary>
    public static IReadOnlyCollection<string> AllKeys()
    {
        var set = Manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false);
        return set is null ? [] : [.. set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];
    }

    private static string? Lookup(string key, Language language) => language == Language.English
        ? Manager.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)?.GetString(key)
        : Manager.GetString(key, CultureInfo.InvariantCulture);
}
