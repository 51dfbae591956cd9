using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.App.Jobs.Reminders;

/// <summary>
/// Runs <see cref="ReminderRun"/> at start and then every <c>Reminders:Interval</c> on the <see cref="TimeProvider"/>:
/// reminders, overdue and follow-up notices from the due rules (design.md §7).
/// </summary>
internal sealed partial class ReminderScheduler(
    ReminderRun run,
    IOptions<RemindersOptions> options,
    TimeProvider time,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        LogStarted(logger, interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? throttled = null;
            try
            {
                await run.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                throttled = JobWait.AdvisedPause(exception);
                // Nothing is half-sent: each notice is its own change, so the next run sends what this one did not.
                LogRunFailed(logger, exception, interval);
            }

            await JobWait.ForPulseOrDelayAsync(null, JobWait.AtLeast(interval, throttled), time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(3602, LogLevel.Information, "Follow-up job started: running the due rules every {Interval}")]
    private static partial void LogStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(3603, LogLevel.Error, "The follow-up run failed; trying again in {Interval}")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, TimeSpan interval);
}
