namespace Norddjurs.TeamsRisk.App.Hosting;

/// <summary>
/// The tab's pages as Teams opens them (manifest/manifest.template.json): the pages are mapped at these paths, and the
/// package's manifest names no other (asserted in Manifest.Tests).
/// </summary>
internal static class TabRoutes
{
    /// <summary>The static personal tab: the owner's own assessments.</summary>
    public const string Personal = "/tab/personal";

    /// <summary>The channel tab's configuration page; it sets the content URL to <see cref="Committee"/>.</summary>
    public const string Configuration = "/tab/config";

    /// <summary>The configured channel tab: the committee's view.</summary>
    public const string Committee = "/tab/committee";

    public static IReadOnlyList<string> All { get; } = [Personal, Configuration, Committee];
}
