using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Storage;
using Norddjurs.TeamsRisk.Graph.Delta;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Jobs.CommitteeSync;

/// <summary>
/// SharePoint mode only: reads the committee's edits of the assessment list back (<see cref="CommitteeEditSync"/>, issue 7
/// item 2) at start and every <c>Storage:SharePoint:CommitteeSyncInterval</c>, under the
/// <see cref="CommitteeEditSync.LeaseName"/> lease (held across rounds) so two instances never judge the same edit at once. When Graph throttles
/// it waits what Graph advised before the next round (graph-sharepoint.md §7.7); nothing is lost meanwhile, the cursor
/// only moves after a page is handled.
/// </summary>
internal sealed partial class CommitteeEditSyncJob(
    IServiceProvider services,
    IOptions<StorageOptions> options,
    JobInstance instance,
    TimeProvider time,
    ILogger<CommitteeEditSyncJob> logger) : PollingJob(time)
{
    /// <summary>Longer than any round; a crashed holder's lease frees itself within it.</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    private HeldLease? _lease;

    protected override JobSchedule? Start()
    {
        if (options.Value.Provider != StorageProvider.SharePoint)
        {
            return null;
        }

        LogStarted(logger, options.Value.SharePoint.CommitteeSyncInterval);
        return JobSchedule.Every(options.Value.SharePoint.CommitteeSyncInterval);
    }

    /// <summary>
    /// Under the lease, kept across rounds (renewed once half of it has run out, released at shutdown): taking and giving it
    /// back every minute cost four of an idle app's SharePoint round trips a minute.
    /// </summary>
    protected override async Task<JobRound> RunRoundAsync(CancellationToken cancellationToken)
    {
        var store = await services.GetRequiredService<SharePointStoreOpener>().OpenAsync().ConfigureAwait(false);
        _lease ??= new HeldLease(services.GetRequiredService<ILeases>(), CommitteeEditSync.LeaseName, LeaseDuration, instance, Time, logger);
        if (await _lease.HoldAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return JobRound.Idle;
        }

        var sync = new CommitteeEditSync(store, services.GetRequiredService<UseCaseServices>(), services.GetRequiredService<ILogger<CommitteeEditSync>>());
        var report = await sync.RunOnceAsync(cancellationToken).ConfigureAwait(false);
        if (report.Applied + report.Refused + report.Skipped == 0)
        {
            return JobRound.Idle;
        }

        LogRound(logger, report.Applied, report.Refused, report.Skipped);
        return JobRound.Worked;
    }

    // Retrying early extends the throttle (§7.1): the loop pauses for the advised time, at least one interval.
    protected override void OnRoundFailed(Exception exception, TimeSpan? advised, TimeSpan retryIn)
    {
        if (advised is null)
        {
            LogRoundFailed(logger, exception, retryIn);
        }
        else
        {
            LogThrottled(logger, retryIn);
        }
    }

    protected override Task ReleaseAsync(CancellationToken cancellationToken) => _lease?.ReleaseAsync(cancellationToken) ?? Task.CompletedTask;

    protected override void OnReleaseFailed(Exception exception) => LogReleaseFailed(logger, exception);

    [LoggerMessage(3721, LogLevel.Information, "Committee edit sync started: reading the assessment list's changes every {Interval}")]
    private static partial void LogStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(3722, LogLevel.Information, "Committee edit sync: {Applied} decisions applied, {Refused} edits put back, {Skipped} items left alone")]
    private static partial void LogRound(ILogger logger, int applied, int refused, int skipped);

    [LoggerMessage(3723, LogLevel.Warning, "Committee edit sync: Graph is throttling; pausing for {Wait}")]
    private static partial void LogThrottled(ILogger logger, TimeSpan wait);

    [LoggerMessage(3724, LogLevel.Error, "The committee edit sync failed; trying again in {RetryIn}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, TimeSpan retryIn);

    [LoggerMessage(3725, LogLevel.Warning, "The committee edit sync lease could not be released at shutdown; it expires on its own")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
