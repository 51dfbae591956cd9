using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.GraphEmulator.Items;

/// <summary>Who made a change: the calling app, or a user editing in SharePoint (for lastModifiedBy).</summary>
public sealed record Actor(string Id, string DisplayName, bool IsApplication, int LookupId, string? Email = null)
{
    public JsonObject ToIdentitySet()
    {
        var identity = new JsonObject { ["id"] = Id, ["displayName"] = DisplayName };
        if (Email is not null)
        {
            identity["email"] = Email;
        }
        return new JsonObject { [IsApplication ? "application" : "user"] = identity };
    }
}

/// <summary>One list item: integer id, unique guid and version for the eTag (§5), and its stored field values.</summary>
public sealed class ItemState(int id, DateTimeOffset created, Actor author)
{
    public int Id { get; } = id;

    public Guid UniqueId { get; } = Guid.NewGuid();

    public int Version { get; set; } = 1;

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset Modified { get; set; } = created;

    public Actor Author { get; } = author;

    public Actor Editor { get; set; } = author;

    /// <summary>The list's change sequence number of this item's last write (delta, §4.5).</summary>
    public long ChangeSequence { get; set; }

    /// <summary>Values by field key (column name, or <c>&lt;Name&gt;LookupId</c>), compared case-insensitively.</summary>
    public Dictionary<string, JsonNode?> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Earlier states, oldest first, for <c>GET …/items/{id}/versions</c>.</summary>
    public List<ItemVersion> History { get; } = [];

    public void Snapshot() =>
        History.Add(new ItemVersion(Version, Modified, Editor, Values.ToDictionary(v => v.Key, v => v.Value?.DeepClone(), StringComparer.OrdinalIgnoreCase)));

    /// <summary>Quoted, as Graph sends item eTags: <c>"\"{guid},{n}\""</c>.</summary>
    public string ETag => $"\"{UniqueId},{Version}\"";
}

/// <summary>One saved state of an item (SharePoint version "n.0").</summary>
public sealed record ItemVersion(int Version, DateTimeOffset Modified, Actor Editor, IReadOnlyDictionary<string, JsonNode?> Values);

/// <summary>A deleted item kept for delta until the retention passes (§10.3).</summary>
public sealed record Tombstone(int Id, long ChangeSequence, DateTimeOffset Deleted);
