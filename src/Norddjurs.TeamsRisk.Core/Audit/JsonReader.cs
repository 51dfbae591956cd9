using System.Globalization;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Core.Audit;

/// <summary>
/// Reads typed fields of one object and remembers the first missing or invalid one (as a JSON path), so a
/// malformed entry is reported as a value, naming the field.
/// </summary>
internal sealed class JsonReader(JsonObject json, string path)
{
    private readonly Shared _shared = new();

    private JsonReader(JsonObject json, string path, Shared shared)
        : this(json, path)
    {
        _shared = shared;
    }

    public string? Problem => _shared.Problem;

    public string Text(string name) => OptionalText(name) ?? Fail(name, string.Empty);

    public string? OptionalText(string name) => Value(name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => Fail<string?>(name, null),
    };

    public string Hash(string name)
    {
        var value = Text(name);
        return AuditJson.IsHash(value) ? value : Fail(name, string.Empty);
    }

    public long Long(string name) => OptionalLong(name) ?? Fail(name, 0L);

    public long? OptionalLong(string name) => Value(name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        _ => Fail<long?>(name, null),
    };

    public DateTimeOffset Timestamp(string name) =>
        DateTimeOffset.TryParseExact(Text(name), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : Fail(name, default(DateTimeOffset));

    public DateOnly? OptionalDate(string name) => OptionalText(name) switch
    {
        null => null,
        var s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => Fail<DateOnly?>(name, null),
    };

    public T OneOf<T>(string name, IReadOnlyDictionary<string, T> known)
        where T : struct =>
        known.TryGetValue(Text(name), out var value) ? value : Fail(name, default(T));

    public IReadOnlyList<string> Texts(string name)
    {
        if (Value(name) is not JsonArray array)
        {
            return Fail<IReadOnlyList<string>>(name, []);
        }

        var texts = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue v && v.TryGetValue<string>(out var s))
            {
                texts.Add(s);
            }
            else
            {
                return Fail<IReadOnlyList<string>>(name, []);
            }
        }

        return texts;
    }

    public JsonReader Object(string name) =>
        OptionalObject(name) ?? Fail(name, new JsonReader(new JsonObject(), Path(name), _shared));

    public JsonReader? OptionalObject(string name) => Value(name) switch
    {
        null => null,
        JsonObject o => new JsonReader(o, Path(name), _shared),
        _ => Fail<JsonReader?>(name, null),
    };

    private JsonNode? Value(string name) => json.TryGetPropertyValue(name, out var node) ? node : null;

    private string Path(string name) => path.Length == 0 ? name : path + "." + name;

    private T Fail<T>(string name, T fallback)
    {
        _shared.Problem ??= Path(name);
        return fallback;
    }

    private sealed class Shared
    {
        public string? Problem { get; set; }
    }
}
