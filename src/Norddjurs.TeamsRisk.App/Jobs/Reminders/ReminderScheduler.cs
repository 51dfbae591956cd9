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
    ILogger<ReminderScheduler> logger) : PollingJob(time)
{
    protected override JobSchedule Start()
    {
        LogStarted(logger, options.Value.Interval);
        return JobSchedule.Every(options.Value.Interval);
    }

    protected override async Task<JobRound> RunRoundAsync(CancellationToken cancellationToken) =>
        await run.RunOnceAsync(cancellationToken).ConfigureAwait(false) is { Sent: > 0 } ? JobRound.Worked : JobRound.Idle;

    // Nothing is half-sent: each notice is its own change, so the next run sends what this one did not.
    protected override void OnRoundFailed(Exception exception, TimeSpan? advised, TimeSpan retryIn) => LogRunFailed(logger, exception, retryIn);

    [LoggerMessage(3602, LogLevel.Information, "Follow-up job started: running the due rules every {Interval}")]
    private static partial void LogStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(3603, LogLevel.Error, "The follow-up run failed; trying again in {RetryIn}")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, TimeSpan retryIn);
}
