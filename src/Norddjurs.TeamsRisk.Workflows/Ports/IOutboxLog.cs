namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// The outbox read as a log (design.md §5: "the coordinator can read the log"): the most recent rows, whatever their
/// state, newest first. Apart from <see cref="IOutbox"/> so a store can offer the dispatcher's view before this one.
/// </summary>
public interface IOutboxLog
{
    Task<IReadOnlyList<OutboxRow>> ReadRecentOutboxAsync(int max, CancellationToken cancellationToken);
}
