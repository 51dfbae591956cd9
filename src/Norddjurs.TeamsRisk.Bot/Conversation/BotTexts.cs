using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Bot.Conversation;

/// <summary>The conversation's own words (notices and errors), Danish in <c>BotTexts.resx</c>, English in <c>BotTexts.en.resx</c>.</summary>
internal static class BotTexts
{
    private static readonly ResourceManager Manager = new("Norddjurs.TeamsRisk.Bot.Conversation.BotTexts", typeof(BotTexts).Assembly);

    private static readonly ConcurrentDictionary<(string, Language), string?> Cache = new();

    public static string Get(string key, Language language) =>
        Cache.GetOrAdd((key, language), static k => Lookup(k.Item1, k.Item2))
            ?? throw new KeyNotFoundException($"Bot text '{key}' is missing for {language}.");

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
