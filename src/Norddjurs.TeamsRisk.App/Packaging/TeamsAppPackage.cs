using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Norddjurs.TeamsRisk.App.Packaging;

/// <summary>
/// Fills the template and writes the zip Teams takes: manifest.json (Danish, the default language), en.json,
/// color.png and outline.png at the root. Refuses a template that still has a placeholder after filling.
/// </summary>
internal static partial class TeamsAppPackage
{
    public const string ManifestEntry = "manifest.json";

    // Fixed entry times, so the same inputs give the same bytes (a package can be compared with an earlier one).
    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The placeholders left unfilled (none: the filled files), in the order they appear.</summary>
    public static IReadOnlyList<string> Fill(TeamsAppTemplate template, PackageInputs inputs, out string manifest, out string english)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(inputs);
        (manifest, english) = (Replace(template.Manifest, inputs), Replace(template.English, inputs));
        return [.. Placeholder().Matches(manifest + english).Select(m => m.Value).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether both filled files are JSON, so a hand-edited template fails here and not in Teams' upload.</summary>
    public static bool IsJson(string manifest, string english, out string reason)
    {
        try
        {
            using var a = JsonDocument.Parse(manifest);
            using var b = JsonDocument.Parse(english);
            reason = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            reason = e.Message;
            return false;
        }
    }

    public static void Write(Stream destination, string manifest, string english, TeamsAppTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, ManifestEntry, Encoding.UTF8.GetBytes(manifest));
        Add(zip, TeamsAppTemplate.EnglishFile, Encoding.UTF8.GetBytes(english));
        Add(zip, TeamsAppTemplate.ColorIconFile, template.ColorIcon);
        Add(zip, TeamsAppTemplate.OutlineIconFile, template.OutlineIcon);
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    private static string Replace(string text, PackageInputs inputs) =>
        inputs.Placeholders.Aggregate(text, (filled, p) => filled.Replace(p.Key, p.Value, StringComparison.Ordinal));

    [GeneratedRegex(@"\{\{[^{}\s]*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
