using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// One list item as read: its item id (the list's insertion order), eTag (for If-Match, §5) and fields. Values are
/// read by the column's declared type, never by the JSON's runtime type (§3.9).
/// </summary>
internal sealed record ItemRecord(int ItemId, string ETag, JsonObject Fields)
{
    /// <summary>When SharePoint created the item (listItem createdDateTime), if the answer had it.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When SharePoint last changed the item (listItem lastModifiedDateTime), if the answer had it.</summary>
    public DateTimeOffset? Modified { get; init; }

    public static ItemRecord Parse(JsonNode node)
    {
        var id = int.Parse(node["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var fields = node["fields"]?.AsObject() ?? [];
        var etag = node["eTag"]?.GetValue<string>() ?? fields["@odata.etag"]?.GetValue<string>() ?? string.Empty;
        return new ItemRecord(id, etag, (JsonObject)fields.DeepClone())
        {
            Created = Instant(node["createdDateTime"]),
            Modified = Instant(node["lastModifiedDateTime"]),
        };
    }

    /// <summary>
    /// This item after a PATCH of its fields: the answer (a fieldValueSet) holds the values written and the new eTag; the
    /// old eTag is kept when the answer lacks one.
    /// </summary>
    public ItemRecord Patched(JsonNode answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var fields = (JsonObject)Fields.DeepClone();
        foreach (var (name, value) in answer.AsObject())
        {
            fields[name] = value?.DeepClone();
        }

        return this with { ETag = answer["@odata.etag"]?.GetValue<string>() ?? ETag, Fields = fields };
    }

    public static IEnumerable<ItemRecord> ParseMany(JsonNode? page) =>
        page?["value"]?.AsArray().Select(v => Parse(v!)) ?? [];

    private static DateTimeOffset? Instant(JsonNode? value) =>
        value?.GetValue<string>() is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;

    public bool Pending => Fields[ColumnNames.Pending]?.GetValueKind() == JsonValueKind.True;

    public string? ChangeKey => Text(ColumnNames.ChangeKey);

    public string? Text(string column) => Text(Fields, column);

    public long? Number(string column) => Number(Fields, column);

    public static string? Text(JsonObject fields, string column) => fields[column] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => other.ToJsonString(),
    };

    public static long? Number(JsonObject fields, string column) => fields[column] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => (long)decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => long.Parse(v.GetValue<string>(), CultureInfo.InvariantCulture),
        _ => null,
    };

    public static DateTimeOffset? Time(JsonObject fields, string column) =>
        Text(fields, column) is { Length: > 0 } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;
}

/// <summary>Writing values: dates as UTC ISO strings (SharePoint keeps whole seconds), text checked against its column's limit.</summary>
internal static class FieldValues
{
    /// <summary>A released lease or an empty date: SharePoint's dates start in 1900, so DateTimeOffset.MinValue cannot be stored.</summary>
    public static readonly DateTimeOffset Epoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The most a multiple-lines-of-text column holds in SharePoint Online (§3.8; widely documented, not in the spec).</summary>
    public const int MaxNoteLength = 63_999;

    public static JsonNode? Time(DateTimeOffset? value) =>
        value is { } v ? JsonValue.Create((v < Epoch ? Epoch : v).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)) : null;

    /// <summary>
    /// Refuses a value longer than its text column takes (§3.8): 255 (or the column's own limit) for a single line,
    /// <see cref="MaxNoteLength"/> for multiple lines. A clear error before anything is written, never a silent truncation.
    /// </summary>
    public static void EnsureFits(ListDefinition list, JsonObject fields)
    {
        foreach (var (name, value) in fields)
        {
            var column = list.Columns.FirstOrDefault(c => c.Name == name);
            if (column is not { Kind: ColumnKind.Text or ColumnKind.Note } || value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
            {
                continue;
            }

            var max = column.Kind == ColumnKind.Note ? MaxNoteLength : column.MaxLength ?? 255;
            var length = text.GetValue<string>().Length;
            if (length > max)
            {
                var kind = column.Kind == ColumnKind.Note ? "multiple lines" : "a single line";
                throw new ArgumentException($"'{name}' of list '{list.Key}' is {kind} of text of at most {max} characters; the value has {length}.", nameof(fields));
            }
        }
    }
}
