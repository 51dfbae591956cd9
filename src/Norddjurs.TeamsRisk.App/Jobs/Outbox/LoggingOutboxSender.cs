using System.Text.Json;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Jobs.Outbox;

/// <summary>
/// Stands in for the Teams and mail senders until they arrive: logs which template would go to which recipient
/// (the ordering key: a user's object id or a role) and answers Delivered. Ids only, never the payload's data,
/// which may name people (style-examples.md rule 8).
/// </summary>
internal sealed partial class LoggingOutboxSender(ILogger<LoggingOutboxSender> logger) : IOutboxSender
{
    private const string NoTemplate = "(none)";

    public Task<DeliveryResult> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var message = row.Message;
        LogDelivered(logger, message.Kind, TemplateOf(message.PayloadJson), message.OrderingKey, message.Id);
        return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered());
    }

    /// <summary>The use cases' <see cref="Notification.Template"/>; other payloads have none.</summary>
    internal static string TemplateOf(string payloadJson)
    {
        try
        {
            using var payload = JsonDocument.Parse(payloadJson);
            return payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty(nameof(Notification.Template), out var template)
                && template.ValueKind == JsonValueKind.String
                ? template.GetString()!
                : NoTemplate;
        }
        catch (JsonException)
        {
            return NoTemplate;
        }
    }

    [LoggerMessage(3001, LogLevel.Information, "Outbox {Kind}: template {Template} to {Recipient} (message {MessageId}); logged only, no Teams or mail sender is configured")]
    private static partial void LogDelivered(ILogger logger, string kind, string template, string recipient, string messageId);
}
