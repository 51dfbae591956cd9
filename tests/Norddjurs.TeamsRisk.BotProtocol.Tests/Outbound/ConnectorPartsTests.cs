using System.Net;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound;

/// <summary>The small rules the client is made of: URLs (§3.2), error shapes (§3.6), backoff (§3.6).</summary>
public sealed class ConnectorPartsTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net/teams")]
    [InlineData("https://smba.trafficmanager.net/teams//")]
    public void The_service_url_is_joined_without_a_double_slash(string serviceUrl) =>
        Assert.Equal(
            "https://smba.trafficmanager.net/teams/v3/conversations/a%3A1Zk3/activities/17%3B1",
            ConnectorUrls.Activity(new Uri(serviceUrl), "a:1Zk3", "17;1").AbsoluteUri);

    [Fact]
    public void Every_id_is_escaped_as_one_path_segment()
    {
        var url = ConnectorUrls.Activities(new Uri("https://smba.trafficmanager.net/teams/"), "19:abc@thread.tacv2;messageid=1776390257332/../x");

        Assert.Equal("/teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1776390257332%2F..%2Fx/activities", url.AbsolutePath);
    }

    [Theory]
    [InlineData("""{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""", "BotNotInConversationRoster")]
    [InlineData("""{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",\"details\":\"Thread is blocked\"}"}""", "MessageWritesBlocked")]
    [InlineData("""{"errorCode":209,"message":"not json"}""", "209")]
    [InlineData("<html>Bad gateway</html>", null)]
    [InlineData("", null)]
    public void Both_error_shapes_yield_their_code(string body, string? code) =>
        Assert.Equal(code, ConnectorError.CodeOf(body));

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public void The_retryable_statuses_of_the_table_are_retryable(HttpStatusCode status) =>
        Assert.True(ConnectorAnswer.Classify(status, null).IsRetryable);

    [Fact]
    public void Backoff_doubles_from_one_second_with_a_fifth_of_jitter_and_stops_at_thirty()
    {
        var backoff = new RetryBackoff(new Random(1));

        for (var failed = 1; failed <= 8; failed++)
        {
            var expected = Math.Min(Math.Pow(2, failed - 1), 30);
            Assert.InRange(backoff.DelayAfter(failed, retryAfter: null).TotalSeconds, expected * 0.8, expected * 1.2);
        }
    }

    [Fact]
    public void The_servers_Retry_After_wins_over_the_backoff() =>
        Assert.Equal(TimeSpan.FromSeconds(17), new RetryBackoff(new Random(1)).DelayAfter(1, TimeSpan.FromSeconds(17)));
}
