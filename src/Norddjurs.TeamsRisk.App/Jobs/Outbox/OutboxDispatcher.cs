using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.App.Jobs.Outbox;

/// <summary>
/// Runs <see cref="OutboxDelivery"/> rounds for the life of the host (design.md §5): woken by a commit in this
/// process, polling as the fallback for other instances and due retries, and waiting out the pacer when a round
/// hit the send rate. A commit wakes it after a short window (<see cref="JobWait.CommitBatchWindow"/>), so the messages
/// of that window are sent from one round.
/// </summary>
internal sealed partial class OutboxDispatcher(
    OutboxDelivery delivery,
    CommitSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, options.Value.PollInterval, options.Value.MaxSendsPerSecond);
        while (!stoppingToken.IsCancellationRequested)
        {
            var pulse = signal.NextPulse;
            var paused = (TimeSpan?)null;
            try
            {
                paused = (await delivery.RunOnceAsync(stoppingToken).ConfigureAwait(false)).PausedFor;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                paused = JobWait.AdvisedPause(exception) is { } advised ? JobWait.AtLeast(options.Value.PollInterval, advised) : null;
                // The store may be unreachable for a while; nothing is lost, the rows wait in the outbox.
                LogRoundFailed(logger, exception, options.Value.PollInterval);
            }

            await (paused is { } wait
                ? JobWait.ForPulseOrDelayAsync(null, wait, time, stoppingToken)
                : JobWait.ForPulseOrDelayAsync(pulse, options.Value.PollInterval, time, stoppingToken)).ConfigureAwait(false);
        }
    }

    [LoggerMessage(3201, LogLevel.Information, "Outbox dispatcher started: woken at commit, polling every {PollInterval}, at most {MaxSendsPerSecond} sends/s")]
    private static partial void LogStarted(ILogger logger, TimeSpan pollInterval, int maxSendsPerSecond);

    [LoggerMessage(3202, LogLevel.Error, "Outbox round failed; trying again in {PollInterval}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, TimeSpan pollInterval);
}
