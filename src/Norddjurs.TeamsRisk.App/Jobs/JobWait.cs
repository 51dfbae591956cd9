using Norddjurs.TeamsRisk.Graph.Store;

namespace Norddjurs.TeamsRisk.App.Jobs;

internal static class JobWait
{
    /// <summary>
    /// How long a job woken by a commit waits before its round, so the commits of that second share one round: on
    /// SharePoint a round is several Graph requests, and a round per commit made the jobs cost as much as the clicks
    /// (issue 7 item 8). Short enough for a card to leave and an intent to be sealed within seconds (design.md §5, §6).
    /// </summary>
    public static readonly TimeSpan CommitBatchWindow = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Returns when <paramref name="pulse"/> completes (null: no wake-up), <paramref name="delay"/> has passed on
    /// <paramref name="time"/>, or the host stops; never throws, so a job's loop ends by checking its token. After a
    /// pulse it waits <see cref="CommitBatchWindow"/> more (never longer than <paramref name="delay"/>), gathering commits.
    /// True when the pulse woke it.
    /// </summary>
    public static async Task<bool> ForPulseOrDelayAsync(Task? pulse, TimeSpan delay, TimeProvider time, CancellationToken stoppingToken)
    {
        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(delay, time, stopDelay.Token);
        var first = await (pulse is null ? Task.WhenAny(timer) : Task.WhenAny(pulse, timer)).ConfigureAwait(false);
        await stopDelay.CancelAsync().ConfigureAwait(false);
        if (first == pulse && !stoppingToken.IsCancellationRequested)
        {
            await Task.WhenAny(Task.Delay(CommitBatchWindow < delay ? CommitBatchWindow : delay, time, stoppingToken)).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Graph's advised wait when a round failed because SharePoint throttled it, else null: a background job stops for the
    /// advertised time (graph-sharepoint.md §7.7), since retrying early only extends the throttle and takes the budget the
    /// users' clicks need.
    /// </summary>
    public static TimeSpan? AdvisedPause(Exception exception) => exception switch
    {
        GraphStoreException { Fault: GraphStoreFault.Throttled, RetryAfter: { } advised } => advised,
        AggregateException aggregate => aggregate.InnerExceptions.Select(AdvisedPause).Max(),
        _ => exception.InnerException is { } inner ? AdvisedPause(inner) : null,
    };

    /// <summary>The job's own interval, or the advised pause when that is longer.</summary>
    public static TimeSpan AtLeast(TimeSpan interval, TimeSpan? advised) => advised is { } pause && pause > interval ? pause : interval;
}
