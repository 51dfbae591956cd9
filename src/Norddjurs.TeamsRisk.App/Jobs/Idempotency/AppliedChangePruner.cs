using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Storage;

namespace Norddjurs.TeamsRisk.App.Jobs.Idempotency;

/// <summary>
/// Runs <see cref="AppliedChangePruning"/> at start and then every <c>Storage:AppliedChangePruneInterval</c>, so
/// the idempotency records stay within <c>Storage:AppliedChangeRetentionDays</c> instead of growing forever.
/// </summary>
internal sealed partial class AppliedChangePruner(
    AppliedChangePruning pruning,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<AppliedChangePruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.AppliedChangePruneInterval;
        LogStarted(logger, options.Value.AppliedChangeRetentionDays, interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? throttled = null;
            try
            {
                await pruning.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                throttled = JobWait.AdvisedPause(exception);
                // Nothing is lost: the records stay a little longer and the next round prunes them.
                LogRoundFailed(logger, exception, interval);
            }

            await JobWait.ForPulseOrDelayAsync(null, JobWait.AtLeast(interval, throttled), time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(3502, LogLevel.Information, "Applied-change pruner started: keeping {RetentionDays} days, running every {Interval}")]
    private static partial void LogStarted(ILogger logger, int retentionDays, TimeSpan interval);

    [LoggerMessage(3503, LogLevel.Error, "Pruning applied changes failed; trying again in {Interval}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, TimeSpan interval);
}
