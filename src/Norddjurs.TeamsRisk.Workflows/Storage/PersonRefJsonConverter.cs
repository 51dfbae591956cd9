using Norddjurs.TeamsRisk.Core.Register;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Norddjurs.TeamsRisk.Workflows.Storage;

/// <summary>A register person is stored as the object id or UPN it was given as; reading parses it the same way the import did.</summary>
public sealed class PersonRefJsonConverter : JsonConverter<PersonRef>
{
    public override PersonRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PersonRef.TryParse(reader.GetString(), out var person) ? person : throw new JsonException("Not an object id or a UPN.");

    public override void Write(Utf8JsonWriter writer, PersonRef value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
