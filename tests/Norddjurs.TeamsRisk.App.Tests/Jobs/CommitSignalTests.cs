using Norddjurs.TeamsRisk.App.Jobs;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>The jobs are woken by a committed change in this process, only by one, and each only by a change that carries its work.</summary>
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
        var conflict = new StoreChange("change-2", [new DocumentWrite(DocumentKinds.Round, "round-1", 4, "{}", new Dictionary<string, string>())], [AuditChains.Intent(2)], [], null);

        var beforeCommit = signal.Intents.Next;
        await store.CommitAsync(change, Commits.Ct);
        var beforeReplay = signal.Intents.Next;
        Assert.IsType<CommitResult.Replayed>(await store.CommitAsync(change, Commits.Ct));
        Assert.IsType<CommitResult.Conflict>(await store.CommitAsync(conflict, Commits.Ct));

        Assert.True(beforeCommit.IsCompletedSuccessfully);
        Assert.False(beforeReplay.IsCompleted);
        Assert.Single(await store.ReadPendingAuditIntentsAsync(10, Commits.Ct));
    }

    [Fact]
    public async Task A_change_without_messages_wakes_the_sealer_but_not_the_dispatcher_and_one_with_a_message_wakes_both()
    {
        var signal = new CommitSignal();
        var store = new CommitSignallingStore(_database.Open(), signal);
        var dispatcherWaits = signal.Messages.Next;

        await store.CommitAsync(new StoreChange("click-1", [], [AuditChains.Intent(1)], [], null), Commits.Ct);

        Assert.False(dispatcherWaits.IsCompleted);
        var sealerWaits = signal.Intents.Next;

        var message = new OutboxMessage("message-1", OutboxKinds.TeamsSend, "user:anne", "{}", DateTimeOffset.UnixEpoch);
        await store.CommitAsync(new StoreChange("submit-1", [], [AuditChains.Intent(2)], [message], null), Commits.Ct);

        Assert.True(dispatcherWaits.IsCompletedSuccessfully);
        Assert.True(sealerWaits.IsCompletedSuccessfully);
    }

    [Fact]
    public void Every_waiter_sees_a_pulse_and_the_next_pulse_is_a_new_one()
    {
        var pulse = new Pulse();
        var oneWaits = pulse.Next;
        var anotherWaits = pulse.Next;

        pulse.Fire();

        Assert.True(oneWaits.IsCompletedSuccessfully);
        Assert.True(anotherWaits.IsCompletedSuccessfully);
        Assert.False(pulse.Next.IsCompleted);
    }
}
