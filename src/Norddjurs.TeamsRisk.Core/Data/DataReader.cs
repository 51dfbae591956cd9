using System.Globalization;
using System.Text.Json;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Core.Data;

/// <summary>
/// Walks a JSON document into domain types and collects every problem with its path, so a coordinator
/// sees all mistakes in a method or catalogue file at once. Reading never throws on bad data.
/// </summary>
internal sealed class DataReader
{
    private readonly List<DataProblem> _problems = [];

    public IReadOnlyList<DataProblem> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

    public static JsonDocument? Parse(ReadOnlySpan<byte> utf8Json, DataReader reader)
    {
        // Windows tools (Notepad's "UTF-8 with BOM", PowerShell 5) write a byte order mark that the JSON reader rejects.
        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        try
        {
            var bytes = (utf8Json.StartsWith(byteOrderMark) ? utf8Json[byteOrderMark.Length..] : utf8Json).ToArray();
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : ex.Message;
            reader.Report("$", DataErrorCodes.BadJson, ("detail", where));
            return null;
        }
    }

    public void Report(string path, string code, params (string Name, object? Value)[] args) =>
        _problems.Add(new DataProblem(path, DomainError.Of(code, args)));

    public ObjectScope? Object(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            WrongType(path, "object", element);
            return null;
        }

        return new ObjectScope(this, element, path);
    }

    public string? String(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            WrongType(path, "string", element);
            return null;
        }

        return element.GetString();
    }

    public int? Int(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
        {
            return value;
        }

        WrongType(path, "integer", element);
        return null;
    }

    public double? Number(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value))
        {
            return value;
        }

        WrongType(path, "number", element);
        return null;
    }

    public bool? Bool(JsonElement element, string path)
    {
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        WrongType(path, "boolean", element);
        return null;
    }

    /// <summary>A text in Danish and English: <c>{"da": …, "en": …}</c>; a plain string is accepted as Danish only.</summary>
    public LocalizedText? Text(JsonElement element, string path, bool allowPlainString = false)
    {
        if (allowPlainString && element.ValueKind == JsonValueKind.String)
        {
            return new LocalizedText(element.GetString() ?? string.Empty, string.Empty);
        }

        var scope = Object(element, path);
        if (scope is null)
        {
            return null;
        }

        var da = scope.String("da");
        var en = scope.String("en");
        scope.End();
        return da is null || en is null ? null : new LocalizedText(da, en);
    }

    public IReadOnlyList<T> Array<T>(JsonElement element, string path, Func<JsonElement, string, T?> item)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            WrongType(path, "array", element);
            return [];
        }

        var items = new List<T>();
        var index = 0;
        foreach (var child in element.EnumerateArray())
        {
            var value = item(child, $"{path}[{index++}]");
            if (value is not null)
            {
                items.Add(value);
            }
        }

        return items;
    }

    public void WrongType(string path, string expected, JsonElement found) =>
        Report(path, DataErrorCodes.WrongType, ("expected", expected), ("actual", Describe(found)));

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => element.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
