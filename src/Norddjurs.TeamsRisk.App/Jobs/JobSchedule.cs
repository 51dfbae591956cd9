namespace Norddjurs.TeamsRisk.App.Jobs;

/// <summary>How a <see cref="PollingJob"/> waits between rounds.</summary>
/// <param name="Interval">The wait after a round that found work, or after a failed one.</param>
/// <param name="MaxIdleInterval">The longest wait after idle rounds (<see cref="IdleBackoff"/>); equal to the interval: no backoff.</param>
/// <param name="WakeOnCommit">A commit in this process wakes the job and resets its backoff; null: only the clock does.</param>
internal sealed record JobSchedule(TimeSpan Interval, TimeSpan MaxIdleInterval, Pulse? WakeOnCommit = null)
{
    /// <summary>A fixed interval, deaf to commits: the slow jobs (recovery, pruning, follow-up, committee sync).</summary>
    public static JobSchedule Every(TimeSpan interval) => new(interval, interval);
}
