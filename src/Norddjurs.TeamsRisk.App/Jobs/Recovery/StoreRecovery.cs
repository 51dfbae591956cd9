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
    ILogger<StoreRecovery> logger) : PollingJob(time)
{
    /// <summary>Long enough for any sweep; a crashed holder's lease frees itself within it.</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    protected override JobSchedule? Start()
    {
        if (options.Value.Provider != StorageProvider.SharePoint)
        {
            return null;
        }

        LogStarted(logger, options.Value.SharePoint.RecoveryInterval);
        return JobSchedule.Every(options.Value.SharePoint.RecoveryInterval);
    }

    protected override async Task<JobRound> RunRoundAsync(CancellationToken cancellationToken)
    {
        var opener = services.GetRequiredService<SharePointStoreOpener>();
        var leases = services.GetRequiredService<ILeases>();
        return await RunOnceAsync(opener, leases, cancellationToken).ConfigureAwait(false) ? JobRound.Worked : JobRound.Idle;
    }

    // Nothing is lost: the pending items stay marked and the next sweep finishes them.
    protected override void OnRoundFailed(Exception exception, TimeSpan? advised, TimeSpan retryIn) => LogRoundFailed(logger, exception, retryIn);

    /// <summary>True when the sweep finished a change.</summary>
    private async Task<bool> RunOnceAsync(SharePointStoreOpener opener, ILeases leases, CancellationToken cancellationToken)
    {
        var store = await opener.OpenAsync().ConfigureAwait(false);
        var lease = await leases.TryAcquireLeaseAsync(StoreLeases.Recovery, instance.Id, Time.GetUtcNow(), LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return false;
        }

        try
        {
            if (await store.RecoverAsync(cancellationToken).ConfigureAwait(false) is > 0 and var finished)
            {
                LogFinished(logger, finished);
                return true;
            }

            return false;
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

    [LoggerMessage(3553, LogLevel.Error, "The SharePoint recovery sweep failed; trying again in {RetryIn}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, TimeSpan retryIn);
}
