namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// Work after a change's commit point that no reader needs (clearing marks, deleting manifest parts): it runs after the
/// answer, off the card action's critical path (design.md §2 latency budget). Tracked so disposing the store awaits it; a
/// failure, or a crash before it ran, leaves it to <see cref="RecoverAsync(CancellationToken)"/>.
/// </summary>
public sealed partial class GraphRiskStore : IAsyncDisposable
{
    private readonly BackgroundWork _housekeeping = new();

    /// <summary>Awaits the work started so far after answers (housekeeping, cache refreshes): for tests that look right after.</summary>
    public Task HousekeepingSettled() => Task.WhenAll(_housekeeping.SettledAsync(), _background.SettledAsync());

    public async ValueTask DisposeAsync() => await HousekeepingSettled().ConfigureAwait(false);

    private void AfterCommit(Func<Task> work) => _housekeeping.Run(work);
}
