using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text;

namespace Norddjurs.TeamsRisk.Core.Errors;

/// <summary>
/// User-visible text of Core, Danish first (neutral resources) and English second (<c>Texts.en.resx</c>).
/// Every feature folder may carry its own <c>Texts.resx</c>; all are searched, so folders never edit each other's files.
/// Placeholders are named: <c>{field}</c>.
/// </summary>
public static class Texts
{
    private static readonly Assembly CoreAssembly = typeof(Texts).Assembly;

    private static readonly IReadOnlyList<ResourceManager> Managers = CoreAssembly
        .GetManifestResourceNames()
        .Where(n => n.EndsWith(".Texts.resources", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(n => new ResourceManager(n[..^".resources".Length], CoreAssembly))
        .ToArray();

    private static readonly ConcurrentDictionary<(string, Language), string?> Cache = new();

    public static CultureInfo CultureOf(Language language) => language switch
    {
        Language.English => CultureInfo.GetCultureInfo("en"),
        _ => CultureInfo.GetCultureInfo("da-DK"),
    };

    /// <summary>The text for a key, or null when no resource defines it in that language.</summary>
    public static string? Find(string key, Language language) =>
        Cache.GetOrAdd((key, language), static k => Lookup(k.Item1, k.Item2));

    public static string Get(string key, Language language) => Find(key, language) ?? key;

    public static string Format(string key, Language language, IReadOnlyDictionary<string, string> args)
    {
        var template = Get(key, language);
        if (args.Count == 0 || template.IndexOf('{', StringComparison.Ordinal) < 0)
        {
            return template;
        }

        var sb = new StringBuilder(template);
        foreach (var (name, value) in args)
        {
            sb.Replace("{" + name + "}", value);
        }

        return sb.ToString();
    }

    /// <summary>Every key defined in the neutral (Danish) resources, for completeness tests.</summary>
    public static IReadOnlyCollection<string> AllKeys()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var manager in Managers)
        {
            // Not disposed: the manager caches and reuses this set.
            var set = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false);
            if (set is null)
            {
                continue;
            }

            foreach (System.Collections.DictionaryEntry entry in set)
            {
                keys.Add((string)entry.Key);
            }
        }

        return keys;
    }

    private static string? Lookup(string key, Language language)
    {
        var culture = CultureOf(language);
        foreach (var manager in Managers)
        {
            // English must come from the English satellite, not fall back silently to Danish.
            var value = language == Language.English
                ? manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key)
                : manager.GetString(key, CultureInfo.InvariantCulture);
            if (value is not null)
            {
                return value;
            }
        }

        return null;
    }
}
