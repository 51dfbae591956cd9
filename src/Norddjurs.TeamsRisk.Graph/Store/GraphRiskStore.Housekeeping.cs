using System.Collections.Concurrent;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// Work after a change's commit point that no reader needs (clearing marks, deleting manifest parts): it runs after the
/// answer, off the card action's critical path (design.md §2 latency budget). Tracked so disposing the store awaits it; a
/// failure, or a crash before it ran, leaves it to <see cref="RecoverAsync(CancellationToken)"/>.
/// </summary>
public sealed partial class GraphRiskStore : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Task, bool> _housekeeping = new();

    /// <summary>Awaits the housekeeping started so far (tests that look at marks right after a commit).</summary>
    public Task HousekeepingSettled() => Task.WhenAll(_housekeeping.Keys);

    public async ValueTask DisposeAsync() => await HousekeepingSettled().ConfigureAwait(false);

    private void AfterCommit(Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (GraphStoreException)
            {
                // The change is committed either way; the sweep clears what is left.
            }
        });
        _housekeeping[task] = true;
        _ = task.ContinueWith(done => _housekeeping.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
