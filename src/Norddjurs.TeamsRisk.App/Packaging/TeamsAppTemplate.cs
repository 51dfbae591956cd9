namespace Norddjurs.TeamsRisk.App.Packaging;

/// <summary>
/// The files of the Teams app package before filling: <c>manifest/</c> of the repository, embedded in the App so the
/// command works from any folder and from a published build; or a folder with the same four files (a municipality's
/// own copy, e.g. with its privacy page).
/// </summary>
internal sealed record TeamsAppTemplate(string Manifest, string English, byte[] ColorIcon, byte[] OutlineIcon)
{
    public const string ManifestFile = "manifest.template.json";
    public const string EnglishFile = "en.json";
    public const string ColorIconFile = "color.png";
    public const string OutlineIconFile = "outline.png";

    private const string ResourcePrefix = "manifest/";

    public static TeamsAppTemplate Embedded() => new(
        Text(ReadResource(ManifestFile)), Text(ReadResource(EnglishFile)), ReadResource(ColorIconFile), ReadResource(OutlineIconFile));

    /// <summary>The template in <paramref name="folder"/>; throws <see cref="IOException"/> naming a missing file.</summary>
    public static TeamsAppTemplate FromFolder(string folder) => new(
        File.ReadAllText(Path.Combine(folder, ManifestFile)),
        File.ReadAllText(Path.Combine(folder, EnglishFile)),
        File.ReadAllBytes(Path.Combine(folder, ColorIconFile)),
        File.ReadAllBytes(Path.Combine(folder, OutlineIconFile)));

    private static byte[] ReadResource(string file)
    {
        using var stream = typeof(TeamsAppTemplate).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"The App was built without the embedded {ResourcePrefix}{file}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Text(byte[] utf8) => System.Text.Encoding.UTF8.GetString(utf8);
}
