using System.Collections.Concurrent;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// The store's work after it has answered (clearing a committed change's marks, refreshing a cached copy): run on the
/// thread pool, never awaited by a caller, failures dropped (a committed change's marks are cleared by the recovery sweep;
/// a missed refresh only costs a later round trip). Tests wait for it with <see cref="SettledAsync"/> instead of sleeping.
/// </summary>
internal sealed class BackgroundWork
{
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    public void Run(Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is GraphStoreException or HttpRequestException or OperationCanceledException or InvalidOperationException)
            {
                // Dropped: see the summary.
            }
        });
        _running[task] = true;
        _ = task.ContinueWith(done => _running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when the work started so far has ended.</summary>
    public Task SettledAsync() => Task.WhenAll(_running.Keys);
}
