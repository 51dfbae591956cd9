using System.Text.Json;

namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// The error code of a connector answer, from either shape of §3.6:
/// <c>{"error":{"code":"BotNotInConversationRoster","message":"…"}}</c> or
/// <c>{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",…}"}</c> (the sub-code wins).
/// </summary>
internal static class ConnectorError
{
    public static string? CodeOf(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
            {
                return code.GetString();
            }

            if (root.TryGetProperty("errorCode", out var errorCode))
            {
                return SubCodeOf(root) ?? errorCode.ToString();
            }

            return null;
        }
        catch (JsonException)
        {
            return null; // an HTML error page from a proxy: the status decides
        }
    }

    private static string? SubCodeOf(JsonElement root)
    {
        if (!root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            using var inner = JsonDocument.Parse(message.GetString()!);
            return inner.RootElement.ValueKind == JsonValueKind.Object
                && inner.RootElement.TryGetProperty("subCode", out var subCode) && subCode.ValueKind == JsonValueKind.String
                ? subCode.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
