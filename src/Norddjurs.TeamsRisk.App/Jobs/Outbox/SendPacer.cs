namespace Norddjurs.TeamsRisk.App.Jobs.Outbox;

/// <summary>
/// At most <c>maxPerSecond</c> sends in any one-second window (teams-bot-protocol.md §3.6: pace fan-out to
/// ≤ 20 sends/s). A sliding window rather than a token bucket, so a full bucket cannot double the rate for a
/// moment. Used by one dispatcher loop at a time; not thread-safe.
/// </summary>
internal sealed class SendPacer(int maxPerSecond)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> _recent = new();

    /// <summary>Zero when a send may go at <paramref name="now"/>; otherwise how long until it may.</summary>
    public TimeSpan WaitBefore(DateTimeOffset now)
    {
        while (_recent.Count > 0 && _recent.Peek() + Window <= now)
        {
            _recent.Dequeue();
        }

        return _recent.Count < maxPerSecond ? TimeSpan.Zero : _recent.Peek() + Window - now;
    }

    public void Record(DateTimeOffset sentAt) => _recent.Enqueue(sentAt);
}
