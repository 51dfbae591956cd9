using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.GraphEmulator;

/// <summary>Small JSON helpers shared by the endpoints.</summary>
internal static class Json
{
    /// <summary>UTC with a trailing Z, seconds precision, as Graph writes instants.</summary>
    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject ParseObject(byte[]? body)
    {
        if (body is null || body.Length == 0)
        {
            throw Routing.GraphException.Invalid("A request body is required.");
        }
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw Routing.GraphException.Invalid("The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw Routing.GraphException.Invalid("Invalid JSON in the request body: " + e.Message);
        }
    }

    /// <summary>Property lookup ignoring case: the SDK capitalises action parameters (§8.4).</summary>
    public static JsonNode? Get(JsonObject obj, string name)
    {
        foreach (var pair in obj)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }
        return null;
    }

    public static bool Has(JsonObject obj, string name) =>
        obj.Any(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase));

    public static string? String(JsonObject obj, string name) =>
        Get(obj, name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool? Bool(JsonObject obj, string name) =>
        Get(obj, name) is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();
}
