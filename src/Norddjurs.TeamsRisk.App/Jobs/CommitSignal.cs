namespace Norddjurs.TeamsRisk.App.Jobs;

/// <summary>
/// Wakes the jobs of this process when a change is committed, so a card leaves and an intent is sealed within
/// moments rather than at the next poll (design.md §5, §6). Every waiter sees every pulse; other instances
/// find the work by polling.
/// </summary>
internal sealed class CommitSignal
{
    private TaskCompletionSource _next = NewPulse();

    /// <summary>
    /// Completes at the next pulse. Take it before looking for work: a commit during the round then still wakes
    /// the job afterwards.
    /// </summary>
    public Task NextPulse => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, NewPulse()).TrySetResult();

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
