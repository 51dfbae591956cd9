using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.App.Jobs.Outbox;

/// <summary>
/// Runs <see cref="OutboxDelivery"/> rounds for the life of the host (design.md §5): woken by a commit in this
/// process, polling as the fallback for other instances (backing off to <c>Outbox:MaxIdleInterval</c> while nothing is
/// due, but never past a retry this instance scheduled), and waiting out the pacer when a round hit the send rate. A
/// commit wakes it after a short window (<see cref="JobWait.CommitBatchWindow"/>), so the messages of that window are
/// sent from one round.
/// </summary>
internal sealed partial class OutboxDispatcher(
    OutboxDelivery delivery,
    CommitSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : PollingJob(time)
{
    protected override JobSchedule Start()
    {
        var settings = options.Value;
        LogStarted(logger, settings.PollInterval, settings.MaxIdleInterval, settings.MaxSendsPerSecond);
        return new JobSchedule(settings.PollInterval, settings.MaxIdleInterval, signal.Messages);
    }

    protected override async Task<JobRound> RunRoundAsync(CancellationToken cancellationToken)
    {
        var round = await delivery.RunOnceAsync(cancellationToken).ConfigureAwait(false);
        return new JobRound(round.Delivered + round.Retrying + round.Dead > 0, delivery.NextKnownRetryAt, round.PausedFor);
    }

    // The store may be unreachable for a while; nothing is lost, the rows wait in the outbox.
    protected override void OnRoundFailed(Exception exception, TimeSpan? advised, TimeSpan retryIn) => LogRoundFailed(logger, exception, retryIn);

    [LoggerMessage(3201, LogLevel.Information, "Outbox dispatcher started: woken at commit, polling every {PollInterval} and up to {MaxIdleInterval} while idle, at most {MaxSendsPerSecond} sends/s")]
    private static partial void LogStarted(ILogger logger, TimeSpan pollInterval, TimeSpan maxIdleInterval, int maxSendsPerSecond);

    [LoggerMessage(3202, LogLevel.Error, "Outbox round failed; trying again in {RetryIn}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, TimeSpan retryIn);
}
