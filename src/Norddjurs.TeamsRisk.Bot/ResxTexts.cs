using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Bot;

/// <summary>
/// One pair of resx files of this assembly, Danish neutral and English in <c>.en.resx</c>, read the way Cards reads its
/// own: English never falls back to Danish, a missing key throws. Placeholders are named: <c>{value}</c>.
/// </summary>
internal sealed class ResxTexts(string baseName, string what)
{
    private readonly ResourceManager _manager = new(baseName, typeof(ResxTexts).Assembly);

    private readonly ConcurrentDictionary<(string, Language), string?> _cache = new();

    public string Get(string key, Language language) =>
        _cache.GetOrAdd((key, language), k => Lookup(k.Item1, k.Item2))
            ?? throw new KeyNotFoundException($"{what} text '{key}' is missing for {language}.");

    public string Format(string key, Language language, IEnumerable<KeyValuePair<string, string>> args)
    {
        var text = Get(key, language);
        foreach (var (name, value) in args)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Every key of the Danish resources, for the completeness tests.</summary>
    public IReadOnlyCollection<string> AllKeys()
    {
        var set = _manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false);
        return set is null ? [] : [.. set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];
    }

    private string? Lookup(string key, Language language) => language == Language.English
        ? _manager.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)?.GetString(key)
        : _manager.GetString(key, CultureInfo.InvariantCulture);
}
