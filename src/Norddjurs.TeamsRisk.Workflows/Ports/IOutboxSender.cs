namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// Delivers one outbox row of the kinds it is registered for (design.md §5): a Teams card, a card update, a mail,
/// an app installation. The dispatcher claims the row first and records the answer; a sender never touches the
/// outbox itself. Expected failures are answers, not exceptions.
/// </summary>
public interface IOutboxSender
{
    Task<DeliveryResult> SendAsync(OutboxRow row, CancellationToken cancellationToken);
}

/// <summary>What became of one delivery attempt: each case is an expected outcome, so a value, not an exception.</summary>
public abstract record DeliveryResult
{
    private DeliveryResult()
    {
    }

    public sealed record Delivered : DeliveryResult;

    /// <summary>
    /// Transient (timeout, 412, 429, 502–504; teams-bot-protocol.md §3.6): try again later. <paramref name="RetryAfter"/>
    /// is the service's <c>Retry-After</c>, honoured instead of the backoff.
    /// </summary>
    public sealed record RetryLater(TimeSpan? RetryAfter, string Reason) : DeliveryResult;

    /// <summary>Final (blocked, uninstalled, another 4xx): retrying cannot help, so the row goes to the dead letters.</summary>
    public sealed record Failed(string Reason) : DeliveryResult;
}
