using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>
/// The shared fake clock, except that every timer a job starts (its wait after a round) is reported once it is armed, so
/// a test reads the job's waits one by one and advances the clock by exactly each of them.
/// </summary>
internal sealed class WaitRecordingClock(FakeTimeProvider inner) : TimeProvider
{
    private static readonly TimeSpan PatienceForTheJob = TimeSpan.FromSeconds(10);
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        _waits.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The job's next wait, as soon as it waits (after its round); fails the test if it never does.</summary>
    public async Task<TimeSpan> NextWaitAsync()
    {
        using var patience = new CancellationTokenSource(PatienceForTheJob);
        return await _waits.Reader.ReadAsync(patience.Token);
    }

    /// <summary>Whether the job started a wait it has not been asked about (a round ran).</summary>
    public bool HasUnreadWait => _waits.Reader.TryPeek(out _);

    /// <summary>Takes the next wait and lets it pass; returns it.</summary>
    public async Task<TimeSpan> PassNextWaitAsync()
    {
        var wait = await NextWaitAsync();
        inner.Advance(wait);
        return wait;
    }
}
