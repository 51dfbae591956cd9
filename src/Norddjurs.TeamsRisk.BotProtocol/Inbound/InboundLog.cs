using Microsoft.Extensions.Logging;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>Inbound log messages (6100–6199): ids and reasons, never bodies, names or tokens (§7.23).</summary>
internal static partial class InboundLog
{
    [LoggerMessage(6101, LogLevel.Information, "Bot Framework signing keys fetched: {KeyCount} keys")]
    public static partial void SigningKeysFetched(this ILogger logger, int keyCount);

    [LoggerMessage(6102, LogLevel.Error, "Bot Framework signing keys could not be fetched; keeping what is cached")]
    public static partial void SigningKeysFetchFailed(this ILogger logger, Exception exception);

    [LoggerMessage(6103, LogLevel.Warning, "Anonymous Development request accepted (Bot:AllowUnauthenticatedLocalDevelopment): {ActivityType} {ActivityId}")]
    public static partial void AnonymousDevelopmentRequest(this ILogger logger, string activityType, string? activityId);

    [LoggerMessage(6104, LogLevel.Warning, "Bot request refused with {StatusCode}: {Reason} ({ActivityType} {ActivityId}, conversation {ConversationId})")]
    public static partial void RequestRefused(this ILogger logger, int statusCode, string reason, string activityType, string? activityId, string conversationId);

    [LoggerMessage(6105, LogLevel.Information, "Bot request body refused with {StatusCode}: {Error}")]
    public static partial void BodyRefused(this ILogger logger, int statusCode, string error);

    [LoggerMessage(6106, LogLevel.Error, "The activity handler failed on {ActivityType} {ActivityId} in conversation {ConversationId}")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, string activityType, string? activityId, string conversationId);

    [LoggerMessage(6107, LogLevel.Error, "The activity handler did not answer {ActivityType} {ActivityId} within {Budget}")]
    public static partial void HandlerTimedOut(this ILogger logger, string activityType, string? activityId, TimeSpan budget);

    [LoggerMessage(6108, LogLevel.Error, "Bot request refused with 503: the signing keys are unavailable")]
    public static partial void SigningKeysUnavailable(this ILogger logger, Exception exception);
}
