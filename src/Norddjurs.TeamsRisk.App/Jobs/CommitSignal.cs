using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Jobs;

/// <summary>
/// Wakes the jobs of this process when a change is committed, so a card leaves and an intent is sealed within
/// moments rather than at the next poll (design.md §5, §6); other instances find the work by polling. Each job hears only
/// the commits that carry its work: every click commits an audit intent, few carry a message, and on SharePoint a
/// dispatcher round woken for nothing is a Graph request.
/// </summary>
internal sealed class CommitSignal
{
    /// <summary>A change with audit intents committed: the sealer's wake-up.</summary>
    public Pulse Intents { get; } = new();

    /// <summary>A change with outbox rows committed (or a dead letter put back): the dispatcher's wake-up.</summary>
    public Pulse Messages { get; } = new();

    public void Committed(StoreChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.AuditIntents.Count > 0)
        {
            Intents.Fire();
        }

        if (change.Outbox.Count > 0)
        {
            Messages.Fire();
        }
    }
}

/// <summary>One kind of wake-up. Every waiter sees every pulse.</summary>
internal sealed class Pulse
{
    private TaskCompletionSource _next = NewPulse();

    /// <summary>
    /// Completes at the next pulse. Take it before looking for work: a commit during the round then still wakes
    /// the job afterwards.
    /// </summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Fire() => Interlocked.Exchange(ref _next, NewPulse()).TrySetResult();

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
