using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound;

/// <summary>§3.6: ≤ 20 connector calls per second of (fake) time, whatever the callers do.</summary>
public sealed class PacingTests
{
    [Fact]
    public void No_second_of_fake_time_holds_more_than_twenty_slots()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        var pacer = new SendPacer(20, time);
        var slots = new List<DateTimeOffset>();

        for (var burst = 0; burst < 5; burst++)
        {
            slots.AddRange(Enumerable.Range(0, 30).Select(_ => time.GetUtcNow() + pacer.Reserve()));
            time.Advance(TimeSpan.FromMilliseconds(700)); // callers come back before their slots are used up
        }

        slots.Sort();
        for (var i = 0; i + 20 < slots.Count; i++)
        {
            Assert.True(slots[i + 20] - slots[i] >= TimeSpan.FromSeconds(1), $"slots {i}..{i + 20} fall within one second");
        }
    }

    [Fact]
    public void An_idle_pacer_lets_the_next_call_go_at_once()
    {
        var time = new FakeTimeProvider();
        var pacer = new SendPacer(20, time);
        pacer.Reserve();

        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.Zero, pacer.Reserve());
    }

    [Fact]
    public async Task A_fan_out_reaches_the_connector_at_most_twenty_per_second_of_fake_time()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var start = harness.Time.GetUtcNow();

        var sends = Enumerable.Range(0, 45)
            .Select(i => harness.Client.SendAsync(new ConversationAddress(harness.Connector.TeamsServiceUrl, $"a:user{i}"), new TextMessage("Ny runde"), default))
            .ToList();
        var results = await harness.Time.Drive(Task.WhenAll(sends));

        Assert.All(results, r => Assert.IsType<ConnectorResult.Ok>(r));
        var received = harness.Connector.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(45, received.Count);
        Assert.True(received.Count(t => t < start + TimeSpan.FromSeconds(1)) <= 20);
        Assert.True(received.Count(t => t < start + TimeSpan.FromSeconds(2)) <= 40);
        Assert.True(received[^1] >= start + (44 * TimeSpan.FromMilliseconds(50)));
    }
}
