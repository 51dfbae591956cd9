using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.App.Jobs.Audit;

/// <summary>
/// Runs <see cref="AuditSealing"/> rounds for the life of the host (design.md §6): woken by a commit in this
/// process, polling as the fallback for other instances' commits (backing off to <c>Audit:MaxIdleInterval</c> while
/// there is nothing to seal, but waking in time to renew the lease), and releasing the lease at shutdown. A commit wakes it
/// after a short window (<see cref="JobWait.CommitBatchWindow"/>), so the commits of that window are sealed in one round.
/// </summary>
internal sealed partial class AuditSealer(
    AuditSealing sealing,
    CommitSignal signal,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<AuditSealer> logger) : PollingJob(time)
{
    protected override JobSchedule Start()
    {
        var settings = options.Value;
        LogStarted(logger, settings.PollInterval, settings.MaxIdleInterval, settings.LeaseDuration);
        return new JobSchedule(settings.PollInterval, settings.MaxIdleInterval, signal.Intents);
    }

    protected override async Task<JobRound> RunRoundAsync(CancellationToken cancellationToken)
    {
        var round = await sealing.RunOnceAsync(cancellationToken).ConfigureAwait(false);

        // A lost lease or a moving head is contention: look again soon. A standby only asks for the lease, so it backs off.
        var foundWork = round.Sealed > 0 || round.Outcome is SealingOutcome.LeaseLost or SealingOutcome.HeadMoving;
        return new JobRound(foundWork, WakeBy: sealing.RenewalDueAt);
    }

    // The intents stay pending and are sealed in a later round; nothing is skipped.
    protected override void OnRoundFailed(Exception exception, TimeSpan? advised, TimeSpan retryIn) => LogRoundFailed(logger, exception, retryIn);

    protected override Task ReleaseAsync(CancellationToken cancellationToken) => sealing.ReleaseAsync(cancellationToken);

    protected override void OnReleaseFailed(Exception exception) => LogReleaseFailed(logger, exception);

    [LoggerMessage(3401, LogLevel.Information, "Audit sealer started: woken at commit, polling every {PollInterval} and up to {MaxIdleInterval} while idle, lease {LeaseDuration}")]
    private static partial void LogStarted(ILogger logger, TimeSpan pollInterval, TimeSpan maxIdleInterval, TimeSpan leaseDuration);

    [LoggerMessage(3402, LogLevel.Error, "Audit sealing round failed; trying again in {RetryIn}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, TimeSpan retryIn);

    [LoggerMessage(3403, LogLevel.Warning, "Audit sealer lease could not be released at shutdown; it expires on its own")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
