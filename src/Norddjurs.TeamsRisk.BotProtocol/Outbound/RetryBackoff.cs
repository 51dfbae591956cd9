namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// §3.6: exponential backoff from 1 s, capped at 30 s, ±20 % jitter so many senders do not retry in step;
/// a server's <c>Retry-After</c> wins over our guess.
/// </summary>
public sealed class RetryBackoff(Random random)
{
    public static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);
    public const double Jitter = 0.2;

    public static RetryBackoff Shared { get; } = new(Random.Shared);

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan DelayAfter(int failedAttempts, TimeSpan? retryAfter)
    {
        if (retryAfter is { } serverSays && serverSays >= TimeSpan.Zero)
        {
            return serverSays;
        }

        var exponential = Base * Math.Pow(2, Math.Min(failedAttempts - 1, 16));
        var capped = exponential < Cap ? exponential : Cap;
        return capped * (1 + ((random.NextDouble() * 2) - 1) * Jitter);
    }
}
