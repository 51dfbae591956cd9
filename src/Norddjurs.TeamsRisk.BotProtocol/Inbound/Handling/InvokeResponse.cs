using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>The body of an invoke answer, <c>{statusCode, type, value}</c> (teams-bot-protocol.md §4.2).</summary>
public sealed record InvokeResponse(int StatusCode, string? Type, JsonNode? Value)
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Replaces the card for the user who acted, on the client they used.</summary>
    public static InvokeResponse Card(JsonObject card) => new(200, AdaptiveCardType, card);

    /// <summary>A transient message; the card stays as it is.</summary>
    public static InvokeResponse Message(string text) => new(200, MessageType, JsonValue.Create(text));

    /// <summary>An error shown to the user; <paramref name="statusCode"/> is 4xx or 5xx inside an HTTP 200.</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });
}
