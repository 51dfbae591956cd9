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
    ILogger<AppliedChangePruner> logger) : PollingJob(time)
{
    protected override JobSchedule Start()
    {
        LogStarted(logger, options.Value.AppliedChangeRetentionDays, options.Value.AppliedChangePruneInterval);
        return JobSchedule.Every(options.Value.AppliedChangePruneInterval);
    }

    protected override async Task<JobRound> RunRoundAsync(CancellationToken cancellationToken) =>
        (await pruning.RunOnceAsync(cancellationToken).ConfigureAwait(false)).Pruned > 0 ? JobRound.Worked : JobRound.Idle;

    // Nothing is lost: the records stay a little longer and the next round prunes them.
    protected override void OnRoundFailed(Exception exception, TimeSpan? advised, TimeSpan retryIn) => LogRoundFailed(logger, exception, retryIn);

    [LoggerMessage(3502, LogLevel.Information, "Applied-change pruner started: keeping {RetentionDays} days, running every {Interval}")]
    private static partial void LogStarted(ILogger logger, int retentionDays, TimeSpan interval);

    [LoggerMessage(3503, LogLevel.Error, "Pruning applied changes failed; trying again in {RetryIn}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, TimeSpan retryIn);
}
