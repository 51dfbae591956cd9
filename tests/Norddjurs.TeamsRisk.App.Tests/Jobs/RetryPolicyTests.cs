using Norddjurs.TeamsRisk.App.Jobs.Outbox;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>Backoff per teams-bot-protocol.md §3.6: exponential from 2 s, ±20 % jitter, capped at 10 minutes, Retry-After first.</summary>
public sealed class RetryPolicyTests
{
    private static RetryPolicy Policy(double random) => new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10), () => random);

    [Theory]
    [InlineData(1, 0.5, 2.0)]
    [InlineData(1, 0.0, 1.6)]
    [InlineData(1, 1.0, 2.4)]
    [InlineData(2, 0.5, 4.0)]
    [InlineData(4, 0.5, 16.0)]
    [InlineData(4, 0.0, 12.8)]
    [InlineData(9, 0.5, 512.0)]
    [InlineData(9, 1.0, 600.0)]
    [InlineData(10, 0.0, 480.0)]
    [InlineData(10, 1.0, 600.0)]
    [InlineData(1000, 0.5, 600.0)]
    public void The_delay_doubles_per_attempt_with_jitter_and_never_exceeds_the_cap(int attempt, double random, double seconds) =>
        Assert.Equal(seconds, Policy(random).DelayAfter(attempt, retryAfter: null).TotalSeconds, precision: 6);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(7, 1)]
    [InlineData(3, 3600)]
    public void Retry_After_is_taken_as_given(int attempt, int retryAfterSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(retryAfterSeconds), Policy(0.9).DelayAfter(attempt, TimeSpan.FromSeconds(retryAfterSeconds)));

    [Fact]
    public void A_zero_Retry_After_falls_back_to_the_backoff() =>
        Assert.Equal(TimeSpan.FromSeconds(2), Policy(0.5).DelayAfter(1, TimeSpan.Zero));
}
