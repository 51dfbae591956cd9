using Norddjurs.TeamsRisk.App.Jobs;
using Norddjurs.TeamsRisk.Graph.Store;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>graph-sharepoint.md §7.7: a background job whose round SharePoint throttled stops for the advertised time.</summary>
public sealed class ThrottledJobTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public static TheoryData<Exception, TimeSpan?> Failures => new()
    {
        { Throttled(120), TimeSpan.FromSeconds(120) },
        { new InvalidOperationException("a round failed", Throttled(90)), TimeSpan.FromSeconds(90) },
        { new AggregateException(Throttled(10), Throttled(45), new TimeoutException()), TimeSpan.FromSeconds(45) },
        { new GraphStoreException(GraphStoreFault.Throttled, 503, "busy"), null },
        { new GraphStoreException(GraphStoreFault.Unavailable, 500, "down", retryAfter: TimeSpan.FromSeconds(60)), null },
        { new TimeoutException(), null },
    };

    [Theory, MemberData(nameof(Failures))]
    public void Only_a_throttled_failure_with_Retry_After_advises_a_pause_however_deep_it_is_wrapped(Exception failure, TimeSpan? expected)
    {
        Assert.Equal(expected, JobWait.AdvisedPause(failure));
    }

    [Fact]
    public void The_job_waits_the_longer_of_its_interval_and_the_advice()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), JobWait.AtLeast(Interval, TimeSpan.FromSeconds(120)));
        Assert.Equal(Interval, JobWait.AtLeast(Interval, TimeSpan.FromSeconds(5)));
        Assert.Equal(Interval, JobWait.AtLeast(Interval, null));
    }

    private static GraphStoreException Throttled(int seconds) =>
        new(GraphStoreFault.Throttled, 429, "throttled", retryAfter: TimeSpan.FromSeconds(seconds));
}
