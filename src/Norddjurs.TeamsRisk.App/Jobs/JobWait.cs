namespace Norddjurs.TeamsRisk.App.Jobs;

internal static class JobWait
{
    /// <summary>
    /// Returns when <paramref name="pulse"/> completes (null: no wake-up), <paramref name="delay"/> has passed on
    /// <paramref name="time"/>, or the host stops; never throws, so a job's loop ends by checking its token.
    /// </summary>
    public static async Task ForPulseOrDelayAsync(Task? pulse, TimeSpan delay, TimeProvider time, CancellationToken stoppingToken)
    {
        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(delay, time, stopDelay.Token);
        await (pulse is null ? Task.WhenAny(timer) : Task.WhenAny(pulse, timer)).ConfigureAwait(false);
        await stopDelay.CancelAsync().ConfigureAwait(false);
    }
}
