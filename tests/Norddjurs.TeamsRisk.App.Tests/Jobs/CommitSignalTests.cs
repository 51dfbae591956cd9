using Norddjurs.TeamsRisk.App.Jobs;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>The jobs are woken by a committed change in this process, and only by one.</summary>
public sealed class CommitSignalTests : IDisposable
{
    private readonly SharedDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_committed_change_pulses_the_signal_and_a_replay_or_a_conflict_does_not()
    {
        var signal = new CommitSignal();
        var store = new CommitSignallingStore(_database.Open(), signal);
        var change = new StoreChange("change-1", [], [AuditChains.Intent(1)], [], null);
        var conflict = new StoreChange("change-2", [new DocumentWrite(DocumentKinds.Round, "round-1", 4, "{}", new Dictionary<string, string>())], [], [], null);

        var beforeCommit = signal.NextPulse;
        await store.CommitAsync(change, Commits.Ct);
        var beforeReplay = signal.NextPulse;
        Assert.IsType<CommitResult.Replayed>(await store.CommitAsync(change, Commits.Ct));
        Assert.IsType<CommitResult.Conflict>(await store.CommitAsync(conflict, Commits.Ct));

        Assert.True(beforeCommit.IsCompletedSuccessfully);
        Assert.False(beforeReplay.IsCompleted);
        Assert.Single(await store.ReadPendingAuditIntentsAsync(10, Commits.Ct));
    }

    [Fact]
    public void Every_waiter_sees_a_pulse_and_the_next_pulse_is_a_new_one()
    {
        var signal = new CommitSignal();
        var dispatcherWaits = signal.NextPulse;
        var sealerWaits = signal.NextPulse;

        signal.Pulse();

        Assert.True(dispatcherWaits.IsCompletedSuccessfully);
        Assert.True(sealerWaits.IsCompletedSuccessfully);
        Assert.False(signal.NextPulse.IsCompleted);
    }
}
