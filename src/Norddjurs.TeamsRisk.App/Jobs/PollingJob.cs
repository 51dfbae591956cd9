namespace Norddjurs.TeamsRisk.App.Jobs;

/// <summary>
/// The one loop of every background job: run a round; when it fails, log it and wait the interval, or Graph's advised
/// pause when SharePoint throttled it (deaf to commits, graph-sharepoint.md §7.7); otherwise wait for a commit pulse or
/// the backed-off interval, never past the moment the round asked to be woken by; and at shutdown give up the job's
/// lease. A job supplies its round, its schedule and its log lines.
/// </summary>
internal abstract class PollingJob(TimeProvider time) : BackgroundService
{
    /// <summary>The clock the loop waits on; a job's round reads the time from it too.</summary>
    protected TimeProvider Time => time;

    /// <summary>Logs the job's start and returns its schedule, or null when it does not run in this configuration.</summary>
    protected abstract JobSchedule? Start();

    protected abstract Task<JobRound> RunRoundAsync(CancellationToken cancellationToken);

    /// <param name="advised">Graph's Retry-After when SharePoint throttled the round.</param>
    /// <param name="retryIn">How long the job now waits.</param>
    protected abstract void OnRoundFailed(Exception exception, TimeSpan? advised, TimeSpan retryIn);

    /// <summary>At shutdown, even one that cancelled a round midway: gives up a lease held across rounds.</summary>
    protected virtual Task ReleaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The lease then simply expires; a standby waits at most its duration.</summary>
    protected virtual void OnReleaseFailed(Exception exception)
    {
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Start() is not { } schedule)
        {
            return;
        }

        try
        {
            await LoopAsync(schedule, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseQuietlyAsync().ConfigureAwait(false);
        }
    }

    private async Task LoopAsync(JobSchedule schedule, CancellationToken stoppingToken)
    {
        var backoff = new IdleBackoff(schedule.Interval, schedule.MaxIdleInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the round, so a commit during the round still wakes the job afterwards.
            var pulse = schedule.WakeOnCommit?.Next;
            TimeSpan wait;
            try
            {
                var round = await RunRoundAsync(stoppingToken).ConfigureAwait(false);
                if (round.PauseFor is { } pause)
                {
                    backoff.Reset();
                    wait = pause;
                    pulse = null;
                }
                else
                {
                    wait = NoLaterThan(backoff.After(round.FoundWork), round.WakeBy);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                var advised = JobWait.AdvisedPause(exception);
                backoff.Reset();
                wait = JobWait.AtLeast(schedule.Interval, advised);
                if (advised is not null)
                {
                    // Retrying early only extends the throttle; a commit does not cut the pause short.
                    pulse = null;
                }

                OnRoundFailed(exception, advised, wait);
            }

            if (await JobWait.ForPulseOrDelayAsync(pulse, wait, time, stoppingToken).ConfigureAwait(false))
            {
                backoff.Reset();
            }
        }
    }

    private TimeSpan NoLaterThan(TimeSpan wait, DateTimeOffset? wakeBy)
    {
        if (wakeBy is not { } by)
        {
            return wait;
        }

        var until = by - time.GetUtcNow();
        return until < TimeSpan.Zero ? TimeSpan.Zero : until < wait ? until : wait;
    }

    private async Task ReleaseQuietlyAsync()
    {
        try
        {
            await ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            OnReleaseFailed(exception);
        }
    }
}
