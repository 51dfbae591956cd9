using System.Text.Json;
using System.Text.Json.Serialization;

namespace Norddjurs.TeamsRisk.Workflows.Storage;

/// <summary>
/// How documents are written as JSON: the same options everywhere, enums by name (stable across reordering),
/// and the register's people as the text they were given in.
/// </summary>
public static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A stored {typeof(T).Name} was null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General);
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new PersonRefJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
