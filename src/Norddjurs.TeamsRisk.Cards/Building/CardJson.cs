using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Cards.Building;

/// <summary>
/// How cards are written on the wire: compact, with æ, ø and å as themselves rather than \u escapes (six times
/// the size). The size guard measures this same form, so the bot must send cards serialised here.
/// </summary>
public static class CardJson
{
    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static string Serialize(JsonNode node) => node.ToJsonString(Wire);

    /// <summary>Indented, for golden files and logs.</summary>
    public static string Indented(JsonNode node) => node.ToJsonString(Readable);
}
