using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// The columns of a document's item that only the app writes, and the marker that proves it: every app write of a document
/// sets <see cref="ColumnNames.AppWriteVersion"/> to a fingerprint of those columns' values, so a reader can tell whether
/// they are still exactly what the app wrote (the delta sync, Delta/CommitteeEditSync) without a second copy anywhere.
/// </summary>
internal static class AppColumns
{
    // The bookkeeping of design.md §2.3 changes while a change is in flight (and on its clearing) without changing the
    // document, and OperationId is set once on create: outside the fingerprint.
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        ColumnNames.OperationId, ColumnNames.Pending, ColumnNames.ChangeKey, ColumnNames.PendingWrites, ColumnNames.Previous, ColumnNames.AppWriteVersion,
    };

    /// <summary>The columns the fingerprint covers: everything the document's list declares but the bookkeeping.</summary>
    public static IEnumerable<ColumnDefinition> Owned(ListDefinition list) => list.Columns.Where(c => !Bookkeeping.Contains(c.Name));

    /// <summary>
    /// 48 bits of SHA-256 over the owned columns' values in schema order: exact in SharePoint's floating-point number column,
    /// and enough that an edit matching it by chance does not happen.
    /// </summary>
    public static long Fingerprint(ListDefinition list, JsonObject fields)
    {
        var text = new StringBuilder();
        foreach (var column in Owned(list))
        {
            text.Append(column.Name).Append('\u001f').Append(Canonical(fields[column.Name])).Append('\u001e');
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        Span<byte> wide = stackalloc byte[8];
        hash[..6].CopyTo(wide[2..]);
        return BinaryPrimitives.ReadInt64BigEndian(wide);
    }

    /// <summary>The readable copies the app writes from a document's JSON (<see cref="ColumnDefinition.SourcePath"/>), absent ones as null.</summary>
    public static JsonObject Projected(ListDefinition list, string json)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            document = null;
        }

        var fields = new JsonObject();
        foreach (var column in list.Columns.Where(c => c.SourcePath is not null))
        {
            var value = Project(document, column.SourcePath!);
            fields[column.Name] = value is not null && column.ValueLabels is { } labels ? labels.GetValueOrDefault(value) : value;
        }

        return fields;
    }

    /// <summary>
    /// What the app would have written into the owned columns, rebuilt from an item's own document columns (id, version,
    /// JSON, index): the readable copies projected again from its JSON. It is what the app wrote exactly when its
    /// fingerprint equals the item's marker.
    /// </summary>
    public static JsonObject Rebuilt(ListDefinition list, JsonObject fields)
    {
        var rebuilt = new JsonObject();
        foreach (var column in Owned(list).Where(c => c.SourcePath is null))
        {
            rebuilt[column.Name] = fields[column.Name]?.DeepClone();
        }

        foreach (var (name, value) in Projected(list, ItemRecord.Text(fields, ColumnNames.Body) ?? string.Empty))
        {
            rebuilt[name] = value?.DeepClone();
        }

        return rebuilt;
    }

    /// <summary>The same value as the app's write and Graph's read-back give it (empty text is no value; 2 is 2.0).</summary>
    public static bool Same(JsonNode? a, JsonNode? b) => Canonical(a) == Canonical(b);

    private static string? Project(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v => v.ToJsonString(),
            _ => null,
        };
    }

    /// <summary>One value as both the app's write and Graph's read-back give it: empty text is no value, numbers are integers.</summary>
    private static string Canonical(JsonNode? value) => value switch
    {
        null => "\u0000",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() is { Length: > 0 } text ? "s:" + text : "\u0000",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number =>
            "n:" + decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString("0.############", CultureInfo.InvariantCulture),
        var other => "j:" + other.ToJsonString(),
    };
}
