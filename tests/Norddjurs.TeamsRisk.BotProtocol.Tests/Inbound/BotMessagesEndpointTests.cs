using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Support;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Inbound;

/// <summary>The HTTP contract of teams-bot-protocol.md §1.1 and §4.1 on a minimal app on loopback Kestrel.</summary>
public sealed class BotMessagesEndpointTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private BotFrameworkTestIssuer Issuer => fixture.Issuer;

    private string ValidToken => Issuer.Mint(BotTestToken.ValidAt(BotTestHost.Now));

    [Fact]
    public async Task A_message_is_answered_with_an_empty_200()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);

        using var response = await host.PostAsync(Payloads.Text("channel-mention.json"), ValidToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        var (activity, context) = Assert.Single(host.Handler.Calls);
        Assert.Equal("status", Assert.IsType<ActivityKind.TextMessage>(activity.Kind).Text);
        Assert.Equal("19:c0mm1ttee00000000000000000000000@thread.tacv2", context.ConversationReference.ChannelId);
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_problem_and_the_handler_does_not_run()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);

        using var response = await host.PostAsync("{\"type\": \"message\",", ValidToken);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "MalformedJson");
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task A_missing_conversation_is_a_400_problem_naming_the_field()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var json = Payloads.Json("personal-message.json");
        json.Remove("conversation");

        using var response = await host.PostAsync(json.ToJsonString(), ValidToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "MissingRequiredField");
        Assert.Contains("conversation.id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem_before_it_is_parsed_or_authenticated()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var json = Payloads.Json("personal-message.json");
        json["padding"] = new string('p', InboundLimits.MaxActivityBytes);

        using var response = await host.PostAsync(json.ToJsonString(), bearerToken: null);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "TooLarge");
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task An_oversized_body_without_a_length_is_cut_off_at_the_limit()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        using var content = new StreamContent(new UnseekableStream(new byte[InboundLimits.MaxActivityBytes + 1]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };

        using var response = await host.Client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "TooLarge");
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_401_and_for_another_tenant_403()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var foreign = Payloads.Json("personal-message.json");
        foreign["channelData"]!["tenant"]!["id"] = "99999999-0000-4000-8000-000000000999";
        foreign["conversation"]!["tenantId"] = "99999999-0000-4000-8000-000000000999";

        using var unauthorized = await host.PostAsync(Payloads.Text("personal-message.json"), bearerToken: null);
        using var forbidden = await host.PostAsync(foreign.ToJsonString(), ValidToken);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task A_card_action_invoke_is_answered_with_the_handlers_card_in_an_HTTP_200()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        host.Handler.Respond = (activity, _) =>
        {
            var action = (ActivityKind.CardAction)activity.Kind;
            var card = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["version"] = "1.5",
                ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = $"Verb {action.Verb}" }),
            };
            return Task.FromResult(ActivityResponse.Invoke(InvokeResponse.Card(card)));
        };

        using var response = await host.PostAsync(Payloads.Text("card-action-invoke.json"), ValidToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("Verb score", (string?)body["value"]!["body"]![0]!["text"]);
    }

    [Fact]
    public async Task A_rejected_invoke_puts_its_4xx_in_the_body_of_an_HTTP_200()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        host.Handler.Respond = (_, _) =>
            Task.FromResult(ActivityResponse.Invoke(InvokeResponse.Error(400, "BadRequest", "Sandsynlighed mangler.")));

        using var response = await host.PostAsync(Payloads.Text("card-action-invoke.json"), ValidToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"Sandsynlighed mangler."}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_message_invoke_response_is_a_plain_string_value()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        host.Handler.Respond = (_, _) => Task.FromResult(ActivityResponse.Invoke(InvokeResponse.Message("Vurderingen er gemt.")));

        using var response = await host.PostAsync(Payloads.Text("card-action-invoke.json"), ValidToken);

        Assert.Equal(
            """{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Vurderingen er gemt."}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invoke_the_bot_does_not_implement_is_a_501()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        host.Handler.Respond = (activity, _) => Task.FromResult(
            activity.Kind is ActivityKind.UnsupportedInvoke ? ActivityResponse.NotImplemented : ActivityResponse.Ok);

        using var response = await host.PostAsync(Payloads.Text("task-fetch-invoke.json"), ValidToken);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal("task/fetch", Assert.IsType<ActivityKind.UnsupportedInvoke>(Assert.Single(host.Handler.Calls).Activity.Kind).Name);
    }

    [Fact]
    public async Task A_failing_handler_on_a_message_is_a_500_problem_without_internals()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        host.Handler.Respond = (_, _) => throw new InvalidOperationException("secret connection string Server=db;Password=hunter2");

        using var response = await host.PostAsync(Payloads.Text("personal-message.json"), ValidToken);

        await AssertProblemAsync(response, HttpStatusCode.InternalServerError, "HandlerFailed");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_handler_on_an_invoke_is_an_invoke_error_without_internals()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        host.Handler.Respond = (_, _) => Task.FromException<ActivityResponse>(new InvalidOperationException("Password=hunter2"));

        using var response = await host.PostAsync(Payloads.Text("card-action-invoke.json"), ValidToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var invoke = JsonNode.Parse(body)!;
        Assert.Equal(500, (int)invoke["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.error", (string?)invoke["type"]);
        Assert.Equal("InternalError", (string?)invoke["value"]!["code"]);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invoke_handler_past_its_budget_is_cancelled_and_the_user_gets_an_error_in_time()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Handler.Respond = async (_, cancellationToken) =>
        {
            cancellationToken.Register(() => cancelled.TrySetResult());
            started.SetResult();
            await new TaskCompletionSource().Task.WaitAsync(cancellationToken); // never finishes on its own
            return ActivityResponse.Ok;
        };

        var pending = host.PostAsync(Payloads.Text("card-action-invoke.json"), ValidToken);
        await started.Task;
        host.Time.Advance(InboundLimits.InvokeHandlerBudget);
        using var response = await pending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(500, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statusCode"]!);
        await cancelled.Task; // the handler's token was cancelled, so its work can stop
    }

    [Fact]
    public async Task A_handler_that_ignores_its_token_still_cannot_hold_the_answer()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<ActivityResponse>();
        host.Handler.Respond = (_, _) =>
        {
            started.SetResult();
            return never.Task;
        };

        var pending = host.PostAsync(Payloads.Text("personal-message.json"), ValidToken);
        await started.Task;
        host.Time.Advance(InboundLimits.MessageHandlerBudget);
        using var response = await pending;

        await AssertProblemAsync(response, HttpStatusCode.InternalServerError, "HandlerFailed");
    }

    [Fact]
    public async Task The_handlers_token_is_not_the_requests_abort_token()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var token = new TaskCompletionSource<CancellationToken>();
        host.Handler.Respond = (_, cancellationToken) =>
        {
            token.SetResult(cancellationToken);
            return Task.FromResult(ActivityResponse.Ok);
        };

        using var response = await host.PostAsync(Payloads.Text("personal-message.json"), ValidToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await token.Task).IsCancellationRequested); // the request has completed; the handler's budget has not run out
    }

    [Fact]
    public async Task expectReplies_is_refused_with_a_400()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var json = Payloads.Json("personal-message.json");
        json["deliveryMode"] = "expectReplies";

        using var response = await host.PostAsync(json.ToJsonString(), ValidToken);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "ExpectRepliesNotSupported");
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task Unreachable_signing_keys_are_a_503_not_a_401()
    {
        await using var host = await BotTestHost.StartAsync(new Uri("http://127.0.0.1:1/v1/.well-known/openidconfiguration"));

        using var response = await host.PostAsync(Payloads.Text("personal-message.json"), ValidToken);

        await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "SigningKeysUnavailable");
        Assert.Empty(host.Handler.Calls);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    /// <summary>Forces a chunked request: HttpClient cannot know the length up front.</summary>
    private sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
