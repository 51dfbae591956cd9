using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Storage;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Jobs.Recovery;

/// <summary>
/// SharePoint mode only: runs the store's recovery sweep (design.md §2.3) at start and every
/// <c>Storage:SharePoint:RecoveryInterval</c>, under the <see cref="StoreLeases.Recovery"/> lease (held across sweeps), so a change a crash
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

    private HeldLease? _lease;

    protected override JobSchedule? Start()
    {
        if (options.Value.Provider != StorageProvider.SharePoint)
        {
            return null;
        }

        LogStarted(logger, options.Value.SharePoint.RecoveryInterval);
        return JobSchedule.Every(options.Value.SharePoint.RecoveryInterval);
    }

    /// <summary>
    /// Under the lease, kept across sweeps (renewed once half of it has run out, released at shutdown): taking and giving it
    /// back every minute cost four of an idle app's SharePoint round trips a minute.
    /// </summary>
    protected override async Task<JobRound> RunRoundAsync(CancellationToken cancellationToken)
    {
        var store = await services.GetRequiredService<SharePointStoreOpener>().OpenAsync().ConfigureAwait(false);
        _lease ??= new HeldLease(services.GetRequiredService<ILeases>(), StoreLeases.Recovery, LeaseDuration, instance, Time, logger);
        if (await _lease.HoldAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return JobRound.Idle;
        }

        if (await store.RecoverAsync(cancellationToken).ConfigureAwait(false) is > 0 and var finished)
        {
            LogFinished(logger, finished);
            return JobRound.Worked;
        }

        return JobRound.Idle;
    }

    // Nothing is lost: the pending items stay marked and the next sweep finishes them.
    protected override void OnRoundFailed(Exception exception, TimeSpan? advised, TimeSpan retryIn) => LogRoundFailed(logger, exception, retryIn);

    protected override Task ReleaseAsync(CancellationToken cancellationToken) => _lease?.ReleaseAsync(cancellationToken) ?? Task.CompletedTask;

    protected override void OnReleaseFailed(Exception exception) => LogReleaseFailed(logger, exception);

    [LoggerMessage(3551, LogLevel.Information, "SharePoint recovery sweep started: every {Interval}")]
    private static partial void LogStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(3552, LogLevel.Warning, "The recovery sweep finished {Count} changes a crash had left pending")]
    private static partial void LogFinished(ILogger logger, int count);

    [LoggerMessage(3553, LogLevel.Error, "The SharePoint recovery sweep failed; trying again in {RetryIn}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, TimeSpan retryIn);

    [LoggerMessage(3554, LogLevel.Warning, "The recovery lease could not be released at shutdown; it expires on its own")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
