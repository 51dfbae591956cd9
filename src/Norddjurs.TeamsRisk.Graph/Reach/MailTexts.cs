using System.Globalization;
using System.Resources;

namespace Norddjurs.TeamsRisk.Graph.Reach;

/// <summary>The mail fallback's texts: <c>MailTexts.resx</c> (Danish) and <c>MailTexts.en.resx</c>; <c>{name}</c> placeholders.</summary>
internal static class MailTexts
{
    public static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly ResourceManager Resources = new("Norddjurs.TeamsRisk.Graph.Reach.MailTexts", typeof(MailTexts).Assembly);

    public static string Get(string key, CultureInfo culture, params (string Name, string Value)[] values)
    {
        var text = Resources.GetString(key, culture) ?? throw new InvalidOperationException($"No mail text '{key}'.");
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
