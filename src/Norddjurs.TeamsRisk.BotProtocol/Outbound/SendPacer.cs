namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// A token bucket of one token refilled every 1/N s on <see cref="TimeProvider"/>: calls get evenly spaced slots, so no
/// window of one second holds more than N (§3.6: ≤ 20/s against the per-app limit). A larger bucket would let a burst
/// and the refill together exceed N in one second. Shared by all connector calls of the process.
/// </summary>
public sealed class SendPacer(int maxPerSecond, TimeProvider time)
{
    private readonly TimeSpan _interval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / maxPerSecond);
    private readonly Lock _gate = new();
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public TimeSpan Interval => _interval;

    /// <summary>Takes the next free slot and says how long to wait for it (zero when the bucket is full).</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + _interval;
            return slot - now;
        }
    }

    public async Task WaitForSlotAsync(CancellationToken cancellationToken)
    {
        var wait = Reserve();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
