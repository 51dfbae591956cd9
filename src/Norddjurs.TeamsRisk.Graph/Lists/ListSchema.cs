namespace Norddjurs.TeamsRisk.Graph.Lists;

/// <summary>
/// The lists the SharePoint store needs, as data: provisioning reconciles a site to it (graph-sharepoint.md §2.6) and
/// the store refuses to start against a site provisioned with an older <see cref="Version"/>.
/// </summary>
public static class ListSchema
{
    /// <summary>Raised whenever a list or column is added or changed; recorded in the configuration list.</summary>
    public const int Version = 1;

    /// <summary>The small key/value list where provisioning records the schema version and every list's id (§2.6 step 6).</summary>
    public const string ConfigListKey = "TeamsRiskConfig";

    public static IReadOnlyList<ListDefinition> Lists { get; } = [];
}
