using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.GraphEmulator.Routing;

/// <summary>A response before it is written to the wire: status, extra headers and an optional JSON body.</summary>
public sealed class EmulatorResponse(int status, JsonNode? body = null)
{
    public int Status { get; set; } = status;

    public JsonNode? Body { get; set; } = body;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Set when a fault asks the transport to drop the connection instead of answering.</summary>
    public bool ResetConnection { get; set; }

    public static EmulatorResponse Json(int status, JsonNode body) => new(status, body);

    public static EmulatorResponse NoContent(int status = 204) => new(status);

    public EmulatorResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
