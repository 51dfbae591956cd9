using Microsoft.Extensions.Logging;

namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>Ids, statuses and the connector's <c>MS-CV</c> correlation; never bodies, names or tokens (§7.23).</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(5301, LogLevel.Warning, "Connector call {Operation} refused: service URL host {Host} is not on Bot:ServiceUrlAllowList; no token was sent")]
    public static partial void UntrustedServiceUrl(ILogger logger, string operation, string host);

    [LoggerMessage(5302, LogLevel.Warning, "Connector call {Operation} refused: the message is {Bytes} bytes as UTF-16, over the {Budget} budget")]
    public static partial void TooLarge(ILogger logger, string operation, int bytes, int budget);

    [LoggerMessage(5303, LogLevel.Information, "Connector call {Operation} attempt {Attempt} answered {Status} {Code} (MS-CV {CorrelationVector}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, int status, string? code, string? correlationVector, TimeSpan delay);

    [LoggerMessage(5304, LogLevel.Warning, "Connector call {Operation} transient: {Reason}; the caller may retry after {RetryAfter}")]
    public static partial void Transient(ILogger logger, string operation, string reason, TimeSpan retryAfter);

    [LoggerMessage(5305, LogLevel.Warning, "Connector call {Operation} failed for good ({Kind}): {Reason}")]
    public static partial void Final(ILogger logger, string operation, ConnectorFailure kind, string reason);

    [LoggerMessage(5306, LogLevel.Error, "The bot token could not be acquired (transient: {IsTransient})")]
    public static partial void TokenFailed(ILogger logger, bool isTransient, Exception exception);
}
