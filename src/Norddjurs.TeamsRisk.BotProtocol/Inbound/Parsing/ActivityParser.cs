using System.Text.Json;
using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>
/// Turns a request body into an <see cref="Activity"/> by the rules of teams-bot-protocol.md §1.7: unknown members are
/// ignored, names are case-insensitive, only a structurally broken body fails. Required: <c>type</c>, <c>serviceUrl</c>
/// (absolute http/https), <c>channelId</c> and <c>conversation.id</c> — authentication and replies cannot work without them.
/// </summary>
public static class ActivityParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = InboundLimits.MaxJsonDepth,
        AllowDuplicateProperties = false,
    };

    public static ActivityParseResult Parse(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.Length > InboundLimits.MaxActivityBytes)
        {
            return ActivityParseResult.Failed(ActivityParseError.TooLarge, $"The body is larger than {InboundLimits.MaxActivityBytes} bytes.");
        }

        if (utf8Json.IsEmpty)
        {
            return ActivityParseResult.Failed(ActivityParseError.EmptyBody, "The body is empty.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException)
        {
            return ActivityParseResult.Failed(ActivityParseError.MalformedJson, "The body is not well-formed JSON.");
        }

        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    private static ActivityParseResult Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ActivityParseResult.Failed(ActivityParseError.NotAnObject, "The body is not a JSON object.");
        }

        var missing = MissingRequiredField(root);
        if (missing is not null)
        {
            return ActivityParseResult.Failed(ActivityParseError.MissingRequiredField, $"'{missing}' is missing or empty.");
        }

        Activity? activity;
        try
        {
            activity = root.Deserialize(InboundJsonContext.Default.Activity);
        }
        catch (JsonException e)
        {
            return ActivityParseResult.Failed(ActivityParseError.WrongFieldType, $"A field has the wrong type at '{e.Path ?? "$"}'.");
        }

        if (activity is null)
        {
            return ActivityParseResult.Failed(ActivityParseError.NotAnObject, "The body is not a JSON object.");
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return ActivityParseResult.Failed(ActivityParseError.InvalidServiceUrl, "'serviceUrl' is not an absolute http(s) URL.");
        }

        return ActivityParseResult.Parsed(activity);
    }

    /// <summary>Checked on the document first so a missing field is reported as missing, not as a serializer error.</summary>
    private static string? MissingRequiredField(JsonElement root)
    {
        foreach (var name in (string[])["type", "serviceUrl", "channelId"])
        {
            if (!IsNonEmptyString(Member(root, name)))
            {
                return name;
            }
        }

        var conversation = Member(root, "conversation");
        if (conversation is not { ValueKind: JsonValueKind.Object } || !IsNonEmptyString(Member(conversation.Value, "id")))
        {
            return "conversation.id";
        }

        return null;
    }

    /// <summary>Case-insensitive like the serializer (§1.7).</summary>
    private static JsonElement? Member(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static bool IsNonEmptyString(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } value && !string.IsNullOrWhiteSpace(value.GetString());
}
