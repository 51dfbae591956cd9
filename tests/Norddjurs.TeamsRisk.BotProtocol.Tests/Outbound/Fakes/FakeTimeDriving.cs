using Microsoft.Extensions.Time.Testing;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

/// <summary>
/// Moves fake time forward in small steps while a call is pending, so pacing slots, backoff delays and request
/// timeouts elapse in fake time; real I/O on loopback gets a moment between steps. Nothing waits on the wall clock.
/// </summary>
public static class FakeTimeDriving
{
    public static async Task<T> Drive<T>(this FakeTimeProvider time, Task<T> pending, TimeSpan? step = null)
    {
        var advance = step ?? TimeSpan.FromMilliseconds(10);
        for (var steps = 0; !pending.IsCompleted; steps++)
        {
            await Task.WhenAny(pending, Task.Delay(1));
            if (!pending.IsCompleted)
            {
                Assert.True(steps < 20_000, "the call never completed"); // a hang is a failure, not a stuck test run
                time.Advance(advance);
            }
        }

        return await pending;
    }
}
