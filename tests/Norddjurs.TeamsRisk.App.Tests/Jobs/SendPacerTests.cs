using Norddjurs.TeamsRisk.App.Jobs.Outbox;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>At most 20 sends in any one-second window (teams-bot-protocol.md §3.6).</summary>
public sealed class SendPacerTests
{
    private static readonly DateTimeOffset Start = SharedDatabase.Start;

    [Fact]
    public void Twenty_sends_go_at_once_and_the_next_waits_until_the_first_is_a_second_old()
    {
        var pacer = new SendPacer(20);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(TimeSpan.Zero, pacer.WaitBefore(Start.AddMilliseconds(10 * i)));
            pacer.Record(Start.AddMilliseconds(10 * i));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(800), pacer.WaitBefore(Start.AddMilliseconds(200)));
        Assert.Equal(TimeSpan.Zero, pacer.WaitBefore(Start.AddSeconds(1)));
    }

    [Fact]
    public void A_steady_stream_is_held_to_the_rate_in_every_window()
    {
        var pacer = new SendPacer(20);
        var now = Start;
        var sends = new List<DateTimeOffset>();
        while (sends.Count < 100)
        {
            var wait = pacer.WaitBefore(now);
            now += wait;
            pacer.Record(now);
            sends.Add(now);
        }

        Assert.All(sends, s => Assert.InRange(sends.Count(t => t >= s && t < s.AddSeconds(1)), 1, 20));
        Assert.Equal(Start.AddSeconds(4), sends[^1]);
    }
}
