using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Storage;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Jobs.Recovery;

/// <summary>
/// SharePoint mode only: runs the store's recovery sweep (design.md §2.3) at start and every
/// <c>Storage:SharePoint:RecoveryInterval</c>, under the <see cref="StoreLeases.Recovery"/> lease, so a change a crash
/// left half-written is finished (or rolled back) without waiting for a user to retry it.
/// </summary>
internal sealed partial class StoreRecovery(
    IServiceProvider services,
    IOptions<StorageOptions> options,
    JobInstance instance,
    TimeProvider time,
    ILogger<StoreRecovery> logger) : BackgroundService
{
    /// <summary>Long enough for any sweep; a crashed holder's lease frees itself within it.</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != StorageProvider.SharePoint)
        {
            return;
        }

        var interval = options.Value.SharePoint.RecoveryInterval;
        var opener = services.GetRequiredService<SharePointStoreOpener>();
        var leases = services.GetRequiredService<ILeases>();
        LogStarted(logger, interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? throttled = null;
            try
            {
                await RunOnceAsync(opener, leases, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                throttled = JobWait.AdvisedPause(exception);
                // Nothing is lost: the pending items stay marked and the next sweep finishes them.
                LogRoundFailed(logger, exception, interval);
            }

            await JobWait.ForPulseOrDelayAsync(null, JobWait.AtLeast(interval, throttled), time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RunOnceAsync(SharePointStoreOpener opener, ILeases leases, CancellationToken cancellationToken)
    {
        var store = await opener.OpenAsync().ConfigureAwait(false);
        var lease = await leases.TryAcquireLeaseAsync(StoreLeases.Recovery, instance.Id, time.GetUtcNow(), LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return;
        }

        try
        {
            if (await store.RecoverAsync(cancellationToken).ConfigureAwait(false) is > 0 and var finished)
            {
                LogFinished(logger, finished);
            }
        }
        finally
        {
            await leases.ReleaseLeaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
        }
    }

    [LoggerMessage(3551, LogLevel.Information, "SharePoint recovery sweep started: every {Interval}")]
    private static partial void LogStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(3552, LogLevel.Warning, "The recovery sweep finished {Count} changes a crash had left pending")]
    private static partial void LogFinished(ILogger logger, int count);

    [LoggerMessage(3553, LogLevel.Error, "The SharePoint recovery sweep failed; trying again in {Interval}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, TimeSpan interval);
}
