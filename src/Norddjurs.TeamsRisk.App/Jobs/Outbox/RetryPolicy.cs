namespace Norddjurs.TeamsRisk.App.Jobs.Outbox;

/// <summary>
/// When a transiently failed row is tried again (teams-bot-protocol.md §3.6): the service's <c>Retry-After</c> when
/// it gave one, else exponential backoff from the base delay with ±20 % jitter (so many rows failed together do
/// not return together), never beyond the cap.
/// </summary>
internal sealed class RetryPolicy(TimeSpan baseDelay, TimeSpan maxDelay, Func<double> random)
{
    private const double Jitter = 0.2;

    /// <param name="attempt">The attempt that failed, counted from 1.</param>
    /// <param name="retryAfter">The service's <c>Retry-After</c>, if any.</param>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            return asked;
        }

        // The exponent is bounded so the double stays finite; the cap applies long before.
        var exponential = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 40)), maxDelay.TotalMilliseconds);
        var jittered = exponential * (1 - Jitter + (2 * Jitter * random()));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, maxDelay.TotalMilliseconds));
    }
}
