using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.GraphEmulator.Routing;

/// <summary>
/// A failed request as a value: status, Graph error code and message. Written as the OData error body of §9
/// by <see cref="GraphEmulator"/>, which adds the inner error's date and request ids.
/// </summary>
public sealed class GraphException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>Headers to send with the error, e.g. <c>Location</c> on a 410 delta resync.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static GraphException NotFound(string what) =>
        new(404, "itemNotFound", $"The resource '{what}' could not be found.");

    public static GraphException Invalid(string message) => new(400, "invalidRequest", message);

    public static GraphException Unsupported(string method, string path) =>
        new(400, "invalidRequest", $"Unsupported request: {method} {path}");

    public static JsonObject Body(string code, string message, string requestId, string clientRequestId, DateTimeOffset now) =>
        new()
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    // Graph writes the date without a time zone (§9).
                    ["date"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    ["request-id"] = requestId,
                    ["client-request-id"] = clientRequestId,
                },
            },
        };
}
