using System.Globalization;
using System.Resources;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.App.Cli;

/// <summary>The command line's own texts (<c>Texts.resx</c> Danish, <c>Texts.en.resx</c> English); domain errors bring theirs.</summary>
internal static class CliTexts
{
    private static readonly ResourceManager Resources = new("Norddjurs.TeamsRisk.App.Cli.Texts", typeof(CliTexts).Assembly);

    public static string Get(string key, Language language, params (string Name, object Value)[] args)
    {
        // English from the English satellite only, so a missing translation shows as the key, not as Danish.
        var template = language == Language.English
            ? Resources.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)?.GetString(key)
            : Resources.GetString(key, CultureInfo.InvariantCulture);
        var text = template ?? key;
        foreach (var (name, value) in args)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Every key of the Danish texts, for the completeness test.</summary>
    public static IReadOnlyList<string> Keys() =>
        [.. Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];
}
