using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound;

/// <summary>The retry table of §3.6, with the fake connector scripted to answer as Teams does when things go wrong.</summary>
public sealed class ConnectorRetryTests : IAsyncLifetime
{
    private ConnectorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ConnectorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_short_Retry_After_on_429_is_waited_out_in_the_call()
    {
        _harness.Connector.Script(ScriptedAnswer.Throttled(retryAfterSeconds: 2));

        var result = await Send();

        Assert.IsType<ConnectorResult.Ok>(result);
        var requests = _harness.Connector.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_long_Retry_After_on_429_goes_back_to_the_caller_with_that_delay()
    {
        _harness.Connector.Script(ScriptedAnswer.Throttled(retryAfterSeconds: 120));

        var result = await Send();

        var transient = Assert.IsType<ConnectorResult.Transient>(result);
        Assert.Equal(TimeSpan.FromSeconds(120), transient.RetryAfter);
        Assert.True(transient.AskedByService);
        Assert.Contains("429 Throttled", transient.Reason, StringComparison.Ordinal);
        Assert.Single(_harness.Connector.Requests);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task A_gateway_or_availability_error_is_retried_then_returned_as_transient(int status)
    {
        _harness.Connector.Script(new ScriptedAnswer(status), new ScriptedAnswer(status), new ScriptedAnswer(status));

        var result = await Send();

        var transient = Assert.IsType<ConnectorResult.Transient>(result);
        Assert.Equal(3, _harness.Connector.Requests.Count); // Bot:MaxAttemptsPerCall
        Assert.InRange(transient.RetryAfter, TimeSpan.FromSeconds(4 * 0.8), TimeSpan.FromSeconds(4 * 1.2)); // 1 s, 2 s, then 4 s ± 20 %
        Assert.False(transient.AskedByService); // only this call's backoff: the outbox keeps its own schedule
        Assert.Contains($"HTTP {status}", transient.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_502_followed_by_success_is_one_success()
    {
        _harness.Connector.Script(ScriptedAnswer.Status502());

        var result = await Send();

        Assert.IsType<ConnectorResult.Ok>(result);
        var requests = _harness.Connector.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(0.8));
    }

    [Fact]
    public async Task No_answer_within_the_timeout_is_transient_and_not_reposted_in_the_call()
    {
        _harness.Connector.Script(ScriptedAnswer.NoAnswer());

        var pending = _harness.Client.SendAsync(_harness.Personal, new TextMessage("Hej"), default);
        while (_harness.Connector.Requests.Count == 0 && !pending.IsCompleted)
        {
            await Task.Delay(1); // the post must be in flight before fake time runs out its timeout
        }

        var result = await _harness.Time.Drive(pending, step: TimeSpan.FromSeconds(1));

        var transient = Assert.IsType<ConnectorResult.Transient>(result);
        Assert.Contains("no answer", transient.Reason, StringComparison.Ordinal);
        Assert.Single(_harness.Connector.Requests);
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_is_final_and_not_retried()
    {
        _harness.Connector.Script(ScriptedAnswer.BotBlockedByUser());

        var result = await Send();

        var final = Assert.IsType<ConnectorResult.Final>(result);
        Assert.Equal(ConnectorFailure.Blocked, final.Kind);
        Assert.Contains("MessageWritesBlocked", final.Reason, StringComparison.Ordinal);
        Assert.Single(_harness.Connector.Requests);
    }

    [Theory]
    [InlineData(403, "ConversationBlockedByUser", ConnectorFailure.Blocked)]
    [InlineData(403, "BotDisabledByAdmin", ConnectorFailure.Blocked)]
    [InlineData(403, "BotNotInConversationRoster", ConnectorFailure.NotInstalled)]
    [InlineData(403, "ForbiddenOperationException", ConnectorFailure.NotInstalled)]
    [InlineData(403, "NotEnoughPermissions", ConnectorFailure.Forbidden)]
    [InlineData(404, "ConversationNotFound", ConnectorFailure.NotFound)]
    [InlineData(404, "ActivityNotFoundInConversation", ConnectorFailure.NotFound)]
    [InlineData(400, "BadSyntax", ConnectorFailure.BadRequest)]
    [InlineData(401, "BotNotRegistered", ConnectorFailure.Unauthorized)]
    [InlineData(413, "MessageSizeTooBig", ConnectorFailure.TooLarge)]
    [InlineData(500, "ServiceError", ConnectorFailure.ServiceError)]
    public async Task Errors_that_retrying_cannot_fix_are_final_with_their_kind(int status, string code, ConnectorFailure kind)
    {
        _harness.Connector.Script(new ScriptedAnswer(status, ScriptedAnswer.Error(code)));

        var result = await Send();

        var final = Assert.IsType<ConnectorResult.Final>(result);
        Assert.Equal(kind, final.Kind);
        Assert.Contains($"HTTP {status} {code} (MS-CV fake.1)", final.Reason, StringComparison.Ordinal);
        Assert.Single(_harness.Connector.Requests);
    }

    [Fact]
    public async Task A_gone_conversation_is_final_not_found()
    {
        _harness.Connector.Script(ScriptedAnswer.ConversationNotFound());

        var result = await _harness.Run(c => c.UpdateAsync(_harness.Personal, "1771504120337", new TextMessage("Opdateret"), default));

        Assert.Equal(ConnectorFailure.NotFound, Assert.IsType<ConnectorResult.Final>(result).Kind);
    }

    [Fact]
    public async Task A_throttled_token_endpoint_is_transient_and_nothing_reaches_the_connector()
    {
        _harness.TokenEndpoint.FailWith = 503;

        var result = await Send();

        Assert.IsType<ConnectorResult.Transient>(result);
        Assert.Empty(_harness.Connector.Requests);
    }

    [Fact]
    public async Task A_refused_secret_is_final_unauthorized_and_nothing_reaches_the_connector()
    {
        _harness.TokenEndpoint.FailWith = 401;

        var result = await Send();

        Assert.Equal(ConnectorFailure.Unauthorized, Assert.IsType<ConnectorResult.Final>(result).Kind);
        Assert.Empty(_harness.Connector.Requests);
    }

    private Task<ConnectorResult> Send() => _harness.Run(c => c.SendAsync(_harness.Personal, new TextMessage("Hej"), default));
}
