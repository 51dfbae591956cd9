using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.App.Jobs.Audit;

/// <summary>
/// Runs <see cref="AuditSealing"/> rounds for the life of the host (design.md §6): woken by a commit in this
/// process, polling as the fallback (each poll also renews the lease, or lets a standby ask for it), and
/// releasing the lease at shutdown. A commit wakes it after a short window (<see cref="JobWait.CommitBatchWindow"/>), so the
/// commits of that window are sealed in one round.
/// </summary>
internal sealed partial class AuditSealer(
    AuditSealing sealing,
    CommitSignal signal,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<AuditSealer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, options.Value.PollInterval, options.Value.LeaseDuration);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var pulse = signal.NextPulse;
                TimeSpan? throttled = null;
                try
                {
                    await sealing.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    throttled = JobWait.AdvisedPause(exception);
                    // The intents stay pending and are sealed in a later round; nothing is skipped.
                    LogRoundFailed(logger, exception, options.Value.PollInterval);
                }

                await JobWait.ForPulseOrDelayAsync(throttled is null ? pulse : null, JobWait.AtLeast(options.Value.PollInterval, throttled), time, stoppingToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>At shutdown, even one that cancelled a round midway.</summary>
    private async Task ReleaseAsync()
    {
        try
        {
            await sealing.ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The lease then simply expires; a standby waits at most its duration.
            LogReleaseFailed(logger, exception);
        }
    }

    [LoggerMessage(3401, LogLevel.Information, "Audit sealer started: woken at commit, polling every {PollInterval}, lease {LeaseDuration}")]
    private static partial void LogStarted(ILogger logger, TimeSpan pollInterval, TimeSpan leaseDuration);

    [LoggerMessage(3402, LogLevel.Error, "Audit sealing round failed; trying again in {PollInterval}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, TimeSpan pollInterval);

    [LoggerMessage(3403, LogLevel.Warning, "Audit sealer lease could not be released at shutdown; it expires on its own")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
