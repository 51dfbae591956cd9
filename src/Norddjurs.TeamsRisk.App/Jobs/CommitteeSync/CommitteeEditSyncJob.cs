using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Storage;
using Norddjurs.TeamsRisk.Graph.Delta;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Jobs.CommitteeSync;

/// <summary>
/// SharePoint mode only: reads the committee's edits of the assessment list back (<see cref="CommitteeEditSync"/>, issue 7
/// item 2) at start and every <c>Storage:SharePoint:CommitteeSyncInterval</c>, under the
/// <see cref="CommitteeEditSync.LeaseName"/> lease so two instances never judge the same edit at once. When Graph throttles
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

    protected override JobSchedule? Start()
    {
        if (options.Value.Provider != StorageProvider.SharePoint)
        {
            return null;
        }

        LogStarted(logger, options.Value.SharePoint.CommitteeSyncInterval);
        return JobSchedule.Every(options.Value.SharePoint.CommitteeSyncInterval);
    }

    protected override async Task<JobRound> RunRoundAsync(CancellationToken cancellationToken) =>
        await RunOnceAsync(services.GetRequiredService<SharePointStoreOpener>(), cancellationToken).ConfigureAwait(false) ? JobRound.Worked : JobRound.Idle;

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

    /// <summary>True when the round applied, refused or skipped an edit.</summary>
    private async Task<bool> RunOnceAsync(SharePointStoreOpener opener, CancellationToken cancellationToken)
    {
        var store = await opener.OpenAsync().ConfigureAwait(false);
        var leases = services.GetRequiredService<ILeases>();
        var lease = await leases.TryAcquireLeaseAsync(CommitteeEditSync.LeaseName, instance.Id, Time.GetUtcNow(), LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return false;
        }

        try
        {
            var sync = new CommitteeEditSync(store, services.GetRequiredService<UseCaseServices>(), services.GetRequiredService<ILogger<CommitteeEditSync>>());
            var report = await sync.RunOnceAsync(cancellationToken).ConfigureAwait(false);
            if (report.Applied + report.Refused + report.Skipped > 0)
            {
                LogRound(logger, report.Applied, report.Refused, report.Skipped);
                return true;
            }

            return false;
        }
        finally
        {
            await leases.ReleaseLeaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
        }
    }

    [LoggerMessage(3721, LogLevel.Information, "Committee edit sync started: reading the assessment list's changes every {Interval}")]
    private static partial void LogStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(3722, LogLevel.Information, "Committee edit sync: {Applied} decisions applied, {Refused} edits put back, {Skipped} items left alone")]
    private static partial void LogRound(ILogger logger, int applied, int refused, int skipped);

    [LoggerMessage(3723, LogLevel.Warning, "Committee edit sync: Graph is throttling; pausing for {Wait}")]
    private static partial void LogThrottled(ILogger logger, TimeSpan wait);

    [LoggerMessage(3724, LogLevel.Error, "The committee edit sync failed; trying again in {RetryIn}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, TimeSpan retryIn);
}
