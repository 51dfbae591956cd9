using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>
/// The input reader's messages, Danish in <c>InputTexts.resx</c> and English in <c>InputTexts.en.resx</c>. Read the way
/// Cards reads its own (<c>CardTexts</c>): English never falls back to Danish. Placeholders are named: <c>{value}</c>.
/// </summary>
internal static class InputTexts
{
    private static readonly ResourceManager Manager = new("Norddjurs.TeamsRisk.Bot.Rendering.InputTexts", typeof(InputTexts).Assembly);

    private static readonly ConcurrentDictionary<(string, Language), string?> Cache = new();

    public static string Get(string key, Language language) =>
        Cache.GetOrAdd((key, language), static k => Lookup(k.Item1, k.Item2))
            ?? throw new KeyNotFoundException($"Input text '{key}' is missing for {language}.");

    public static string Format(string key, Language language, IReadOnlyDictionary<string, string> args)
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
