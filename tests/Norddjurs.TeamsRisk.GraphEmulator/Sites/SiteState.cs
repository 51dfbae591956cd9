using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Lists;

namespace Norddjurs.TeamsRisk.GraphEmulator.Sites;

/// <summary>A SharePoint site: composite id <c>host,collection-guid,web-guid</c> (§1.3) and its lists.</summary>
public sealed class SiteState(string hostname, string serverRelativePath, string displayName, DateTimeOffset created)
{
    public Guid CollectionId { get; } = Guid.NewGuid();

    public Guid WebId { get; } = Guid.NewGuid();

    public string Hostname { get; } = hostname;

    /// <summary>"/" for a root site, "/sites/X" otherwise.</summary>
    public string ServerRelativePath { get; } = serverRelativePath;

    public string DisplayName { get; } = displayName;

    public DateTimeOffset Created { get; } = created;

    public string Id => $"{Hostname},{CollectionId},{WebId}";

    public bool IsRoot => ServerRelativePath == "/";

    public string WebUrl => "https://" + Hostname + (IsRoot ? "" : ServerRelativePath);

    public List<ListState> Lists { get; } = [];

    /// <summary>Sites.Selected grants made through <c>POST /sites/{id}/permissions</c> (§8.2).</summary>
    public List<JsonObject> Permissions { get; } = [];

    /// <summary>The site's User Information List: lookup id → user principal name (§3.6).</summary>
    public Dictionary<int, string> UserInformation { get; } = [];

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["name"] = IsRoot ? "" : ServerRelativePath[(ServerRelativePath.LastIndexOf('/') + 1)..],
            ["displayName"] = DisplayName,
            ["webUrl"] = WebUrl,
            ["createdDateTime"] = Json.Instant(Created),
            ["siteCollection"] = new JsonObject { ["hostname"] = Hostname },
        };
        if (IsRoot)
        {
            json["root"] = new JsonObject();
        }
        return json;
    }
}
