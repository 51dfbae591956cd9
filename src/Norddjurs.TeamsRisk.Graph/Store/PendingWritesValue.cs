using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// What an item's <c>PendingWrites</c> column holds while its change is pending. Only the change's first item (the
/// carrier, written first with If-Match) holds the manifest: inline when it fits one column, else a pointer to its parts
/// in the ChangeManifests list. Every other item holds a reference to the carrier, so a change of n items sends its
/// manifest once, not n times (issue 7: an import of 261 systems).
/// </summary>
internal abstract record PendingWritesValue
{
    private PendingWritesValue()
    {
    }

    /// <summary>Null for an empty column (an intent or message, which carry nothing).</summary>
    public static PendingWritesValue? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var node = JsonNode.Parse(text)!.AsObject();
        if (node["carrier"] is JsonObject carrier)
        {
            return new Reference(carrier["list"]!.GetValue<string>(), carrier["id"]!.GetValue<string>());
        }

        if (node["parts"] is JsonObject parts)
        {
            return new Parts(parts["changeKey"]!.GetValue<string>(), parts["count"]!.GetValue<int>(), parts["sha256"]!.GetValue<string>());
        }

        return new Inline(ChangeManifest.Deserialize(text));
    }

    /// <summary>The manifest itself (the carrier of a change that fits one column).</summary>
    public sealed record Inline(ChangeManifest Manifest) : PendingWritesValue;

    /// <summary>The carrier of a larger change: its manifest's text is in <see cref="Count"/> parts whose whole has this SHA-256.</summary>
    public sealed record Parts(string ChangeKey, int Count, string Sha256) : PendingWritesValue
    {
        public override string ToString() =>
            new JsonObject { ["parts"] = new JsonObject { ["changeKey"] = ChangeKey, ["count"] = Count, ["sha256"] = Sha256 } }.ToJsonString();
    }

    /// <summary>Any other item of the change: where the carrier is (its list and id).</summary>
    public sealed record Reference(string ListKey, string Id) : PendingWritesValue
    {
        public override string ToString() =>
            new JsonObject { ["carrier"] = new JsonObject { ["list"] = ListKey, ["id"] = Id } }.ToJsonString();
    }
}
