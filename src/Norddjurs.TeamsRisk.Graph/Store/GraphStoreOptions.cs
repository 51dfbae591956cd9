using System.ComponentModel.DataAnnotations;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>Where the SharePoint store lives (<c>Storage:SharePoint</c>, design.md §10).</summary>
public sealed class GraphStoreOptions
{
    public const string Section = "Storage:SharePoint";

    /// <summary>The site's URL, e.g. <c>https://norddjurs.sharepoint.com/sites/risiko</c>.</summary>
    [Required]
    public string SiteUrl { get; set; } = string.Empty;

    /// <summary>
    /// The status SharePoint answers when a create hits a unique column (graph-sharepoint.md §11: not confirmed; 409 is the
    /// emulator's default). The store reads such a create as "exists already", which makes retried creates idempotent.
    /// </summary>
    [Range(400, 599)]
    public int UniqueViolationStatus { get; set; } = 409;
}
