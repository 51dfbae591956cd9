using Norddjurs.TeamsRisk.Workflows.FollowUp;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Jobs.Reminders;

/// <summary>
/// One run of the follow-up job under the <see cref="LeaseName"/> lease, so one instance at a time evaluates and
/// sends. The lease saves work, not correctness: each notice commits under its own idempotency key, so even two
/// instances running at once (a lease expired mid-run) send it once.
/// </summary>
internal sealed partial class ReminderRun(
    SendDueNotices sendDueNotices,
    ILeases leases,
    RemindersOptions options,
    JobInstance instance,
    TimeProvider time,
    ILogger<ReminderRun> logger)
{
    public const string LeaseName = "followup.reminders";

    /// <summary>The run's result, or null when another instance holds the job.</summary>
    public async Task<DueNoticeRun?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var lease = await leases.TryAcquireLeaseAsync(LeaseName, instance.Id, time.GetUtcNow(), options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return null;
        }

        try
        {
            var run = await sendDueNotices.RunAsync(new DueNoticeLimits(options.MaxNoticesPerRun, options.LookbackDays), cancellationToken).ConfigureAwait(false);
            if (run.Sent > 0 || run.Deferred > 0)
            {
                LogRun(logger, run.Today, run.Sent, run.AlreadySent, run.Deferred);
            }

            return run;
        }
        finally
        {
            await leases.ReleaseLeaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
        }
    }

    [LoggerMessage(3601, LogLevel.Information, "Follow-up for {Today}: {Sent} notices sent, {AlreadySent} already sent, {Deferred} left for the next run")]
    private static partial void LogRun(ILogger logger, DateOnly today, int sent, int alreadySent, int deferred);
}
