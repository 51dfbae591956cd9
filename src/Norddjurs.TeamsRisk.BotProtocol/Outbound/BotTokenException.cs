namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>The bot token could not be acquired. <see cref="IsTransient"/> follows §3.1: only 429 and 5xx (or no answer) are worth retrying.</summary>
public sealed class BotTokenException : Exception
{
    public BotTokenException()
    {
    }

    public BotTokenException(string message)
        : base(message)
    {
    }

    public BotTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BotTokenException(string message, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    public bool IsTransient { get; }

    public TimeSpan? RetryAfter { get; }
}
