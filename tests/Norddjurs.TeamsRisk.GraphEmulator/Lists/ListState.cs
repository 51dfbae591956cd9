using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Items;
using Norddjurs.TeamsRisk.GraphEmulator.Sites;

namespace Norddjurs.TeamsRisk.GraphEmulator.Lists;

/// <summary>A SharePoint list: GUID id, server-assigned name, columns, items with never-reused integer ids.</summary>
public sealed class ListState(SiteState site, string displayName, string name, string template, DateTimeOffset created)
{
    public Guid Id { get; } = Guid.NewGuid();

    public SiteState Site { get; } = site;

    public string DisplayName { get; set; } = displayName;

    /// <summary>The URL leaf, fixed at creation (§1.4).</summary>
    public string Name { get; } = name;

    public string Template { get; } = template;

    public string? Description { get; set; }

    public bool IsSystem { get; init; }

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset Modified { get; set; } = created;

    /// <summary>The list's own eTag version; lists use an unquoted eTag (§5).</summary>
    public int Version { get; set; } = 1;

    public List<ColumnState> Columns { get; } = [];

    public SortedDictionary<int, ItemState> Items { get; } = [];

    public List<Tombstone> Tombstones { get; } = [];

    public int LastItemId { get; set; }

    public long ChangeSequence { get; set; }

    /// <summary>Delta tokens below this sequence can no longer be served (tombstones pruned) → 410.</summary>
    public long OldestServableSequence { get; set; }

    public string ETag => $"{Id},{Version}";

    public string WebUrl => Site.WebUrl + "/Lists/" + Name;

    public ColumnState? Column(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The column a field key refers to: its name, or <c>&lt;Name&gt;LookupId</c> for person/lookup.</summary>
    public ColumnState? ColumnForKey(string key) =>
        Columns.FirstOrDefault(c => string.Equals(c.FieldKey, key, StringComparison.OrdinalIgnoreCase))
        ?? Columns.FirstOrDefault(c => !c.IsLookupType && string.Equals(c.Name, key, StringComparison.OrdinalIgnoreCase));

    public void Touch(DateTimeOffset now)
    {
        Version++;
        Modified = now;
    }

    public JsonObject ToJson(bool withColumns)
    {
        var json = new JsonObject
        {
            ["@odata.etag"] = ETag,
            ["id"] = Id.ToString(),
            ["name"] = Name,
            ["displayName"] = DisplayName,
            ["description"] = Description ?? "",
            ["webUrl"] = WebUrl,
            ["createdDateTime"] = Json.Instant(Created),
            ["lastModifiedDateTime"] = Json.Instant(Modified),
            ["parentReference"] = new JsonObject { ["siteId"] = Site.Id },
            ["list"] = new JsonObject { ["contentTypesEnabled"] = false, ["hidden"] = IsSystem, ["template"] = Template },
        };
        if (withColumns)
        {
            json["columns"] = new JsonArray(Columns.Select(c => (JsonNode)c.ToJson()).ToArray());
        }
        return json;
    }
}
