using System.Text.Json;
using System.Text.Json.Serialization;

namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>
/// A likelihood is stored as its plain number, so an assessment in progress round-trips through System.Text.Json
/// (design.md §8: progress is saved at every step). Values below 1 are refused as they are by <see cref="Likelihood.Of"/>.
/// </summary>
public sealed class LikelihoodJsonConverter : JsonConverter<Likelihood>
{
    public override Likelihood Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ScaleValueJson.Read(ref reader) is { } value ? Likelihood.Of(value) : throw new JsonException("A likelihood must be a whole number of 1 or more.");

    public override void Write(Utf8JsonWriter writer, Likelihood value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}

/// <summary>A consequence level is stored as its plain number (see <see cref="LikelihoodJsonConverter"/>).</summary>
public sealed class ConsequenceLevelJsonConverter : JsonConverter<ConsequenceLevel>
{
    public override ConsequenceLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ScaleValueJson.Read(ref reader) is { } value ? ConsequenceLevel.Of(value) : throw new JsonException("A consequence level must be a whole number of 1 or more.");

    public override void Write(Utf8JsonWriter writer, ConsequenceLevel value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}

internal static class ScaleValueJson
{
    public static int? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) && value >= 1 ? value : null;
}
