using System.Text.Json;

namespace Norddjurs.TeamsRisk.Core.Data;

/// <summary>
/// Reads the members of one JSON object. Every member asked for is "known"; <see cref="End"/> reports
/// the members nobody asked for as unknown keys, and duplicates are reported as they are found.
/// </summary>
internal sealed class ObjectScope
{
    private readonly DataReader _reader;
    private readonly Dictionary<string, JsonElement> _members = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public ObjectScope(DataReader reader, JsonElement element, string path)
    {
        _reader = reader;
        Path = path;
        foreach (var member in element.EnumerateObject())
        {
            if (!_members.TryAdd(member.Name, member.Value))
            {
                reader.Report(Child(member.Name), DataErrorCodes.DuplicateKey, ("key", member.Name));
            }
        }
    }

    public string Path { get; }

    public string Child(string name) => $"{Path}.{name}";

    /// <summary>The member's value when present and not null; reports a missing key when required.</summary>
    public JsonElement? Member(string name, bool required = true)
    {
        _known.Add(name);
        if (_members.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            if (_members.ContainsKey(name))
            {
                _reader.Report(Child(name), DataErrorCodes.WrongType, ("expected", "value"), ("actual", "null"));
            }
            else
            {
                _reader.Report(Child(name), DataErrorCodes.MissingKey, ("key", name));
            }
        }

        return null;
    }

    /// <summary>Whether the member is present and explicitly null (nullable fields that must still be written).</summary>
    public bool IsPresent(string name) => _members.ContainsKey(name);

    public string? String(string name, bool required = true) =>
        Member(name, required) is { } e ? _reader.String(e, Child(name)) : null;

    public int? Int(string name, bool required = true) =>
        Member(name, required) is { } e ? _reader.Int(e, Child(name)) : null;

    public double? Number(string name, bool required = true) =>
        Member(name, required) is { } e ? _reader.Number(e, Child(name)) : null;

    public bool? Bool(string name, bool required = true) =>
        Member(name, required) is { } e ? _reader.Bool(e, Child(name)) : null;

    public LocalizedText? Text(string name, bool required = true, bool allowPlainString = false) =>
        Member(name, required) is { } e ? _reader.Text(e, Child(name), allowPlainString) : null;

    public ObjectScope? Object(string name, bool required = true) =>
        Member(name, required) is { } e ? _reader.Object(e, Child(name)) : null;

    public IReadOnlyList<T> Array<T>(string name, Func<JsonElement, string, T?> item, bool required = true) =>
        Member(name, required) is { } e ? _reader.Array(e, Child(name), item) : [];

    /// <summary>
    /// The strings of an array member. <paramref name="each"/> sees every string with its own path, so a value
    /// it rejects is reported at its index even when an earlier item had the wrong type and was left out.
    /// </summary>
    public IReadOnlyList<string> Strings(string name, bool required = true, Action<string, string>? each = null) =>
        Array(name, (e, p) =>
        {
            var value = _reader.String(e, p);
            if (value is not null)
            {
                each?.Invoke(value, p);
            }

            return value;
        }, required);

    /// <summary>An array of dimension ids ("C", "I", "A"); any other value is reported at its index and left out.</summary>
    public IReadOnlyList<Dimension> Dimensions(string name)
    {
        var dimensions = new List<Dimension>();
        Strings(name, each: (id, path) =>
        {
            if (DimensionIds.TryParse(id, out var dimension))
            {
                dimensions.Add(dimension);
            }
            else
            {
                _reader.Report(path, DataErrorCodes.NotAllowed, ("value", id), ("allowed", "C, I, A"));
            }
        });
        return dimensions;
    }

    /// <summary>Reports every member that no reader asked for.</summary>
    public void End()
    {
        foreach (var name in _members.Keys)
        {
            if (!_known.Contains(name))
            {
                _reader.Report(Child(name), DataErrorCodes.UnknownKey, ("key", name));
            }
        }
    }
}
