using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.GraphEmulator.Lists;

/// <summary>The columns every list has (§10.3). Title is writable; the rest are kept by SharePoint.</summary>
internal static class BuiltInColumns
{
    public static IEnumerable<ColumnState> For(string template)
    {
        if (string.Equals(template, "genericList", StringComparison.OrdinalIgnoreCase))
        {
            // SharePoint marks Title required in its forms; through Graph a create without Title succeeds.
            yield return new ColumnState { Name = "Title", DisplayName = "Title", FacetName = ColumnFacets.Text, Facet = new JsonObject { ["allowMultipleLines"] = false, ["maxLength"] = 255 } };
        }
        yield return ReadOnly("ContentType", "Content Type", null);
        yield return ReadOnly("Created", "Created", ColumnFacets.DateTime);
        yield return ReadOnly("Modified", "Modified", ColumnFacets.DateTime);
        yield return ReadOnly("Author", "Created By", ColumnFacets.PersonOrGroup);
        yield return ReadOnly("Editor", "Modified By", ColumnFacets.PersonOrGroup);
        yield return ReadOnly("Attachments", "Attachments", ColumnFacets.Boolean);
        yield return ReadOnly("_UIVersionString", "Version", ColumnFacets.Text, hidden: true);
    }

    public static bool IsId(string key) => string.Equals(key, "id", StringComparison.OrdinalIgnoreCase);

    private static ColumnState ReadOnly(string name, string displayName, string? facet, bool hidden = false) =>
        new() { Name = name, DisplayName = displayName, FacetName = facet, ReadOnly = true, Hidden = hidden };
}
