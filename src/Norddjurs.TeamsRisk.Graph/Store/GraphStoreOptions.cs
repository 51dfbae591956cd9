using System.ComponentModel.DataAnnotations;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>Where the SharePoint store lives (<c>Storage:SharePoint</c>, design.md §10).</summary>
public sealed class GraphStoreOptions
{
    public const string Section = "Storage:SharePoint";

    /// <summary>The site's URL, e.g. <c>https://norddjurs.sharepoint.com/sites/risiko</c>.</summary>
    [Required]
    public string SiteUrl { get; set; } = string.Empty;
}
