using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// <see cref="IConnectorClient"/> on one <see cref="HttpClient"/> (a typed client of <c>IHttpClientFactory</c>; give it a
/// handler that does not follow redirects, so the token never follows one off the allow-list).
/// </summary>
public sealed class ConnectorClient(
    HttpClient http,
    IBotTokenProvider tokens,
    ServiceUrlAllowList allowList,
    SendPacer pacer,
    RetryBackoff backoff,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    private readonly BotOptions _options = options.Value;

    public Task<ConnectorResult> SendAsync(ConversationAddress conversation, OutboundMessage message, CancellationToken cancellationToken) =>
        Refused(message) ?? CallAsync("send", HttpMethod.Post, ConnectorUrls.Activities(conversation.ServiceUrl, conversation.ConversationId),
            OutboundActivityJson.Message(message, conversation.ConversationId, conversation.BotId), cancellationToken);

    public Task<ConnectorResult> ReplyAsync(ConversationAddress conversation, string replyToId, OutboundMessage message, CancellationToken cancellationToken) =>
        Refused(message) ?? CallAsync("reply", HttpMethod.Post, ConnectorUrls.Activity(conversation.ServiceUrl, conversation.ConversationId, replyToId),
            OutboundActivityJson.Message(message, conversation.ConversationId, conversation.BotId, replyToId), cancellationToken);

    public Task<ConnectorResult> UpdateAsync(ConversationAddress conversation, string activityId, OutboundMessage message, CancellationToken cancellationToken) =>
        Refused(message) ?? CallAsync("update", HttpMethod.Put, ConnectorUrls.Activity(conversation.ServiceUrl, conversation.ConversationId, activityId),
            OutboundActivityJson.Message(message, conversation.ConversationId, conversation.BotId), cancellationToken);

    public Task<ConnectorResult> DeleteAsync(ConversationAddress conversation, string activityId, CancellationToken cancellationToken) =>
        CallAsync("delete", HttpMethod.Delete, ConnectorUrls.Activity(conversation.ServiceUrl, conversation.ConversationId, activityId), body: null, cancellationToken);

    public Task<ConnectorResult> SendTypingAsync(ConversationAddress conversation, CancellationToken cancellationToken) =>
        CallAsync("typing", HttpMethod.Post, ConnectorUrls.Activities(conversation.ServiceUrl, conversation.ConversationId),
            OutboundActivityJson.Typing(conversation.ConversationId, conversation.BotId), cancellationToken);

    public Task<ConnectorResult> CreatePersonalConversationAsync(PersonalConversationRequest request, CancellationToken cancellationToken) =>
        Refused(request.FirstMessage) ?? CallAsync("create-personal", HttpMethod.Post, ConnectorUrls.Conversations(request.ServiceUrl),
            OutboundActivityJson.PersonalConversation(request), cancellationToken);

    public Task<ConnectorResult> CreateChannelThreadAsync(ChannelThreadRequest request, CancellationToken cancellationToken) =>
        Refused(request.FirstMessage) ?? CallAsync("create-thread", HttpMethod.Post, ConnectorUrls.Conversations(request.ServiceUrl),
            OutboundActivityJson.ChannelThread(request), cancellationToken);

    /// <summary>A mention Teams would drop silently is our bug: refused before anything is sent.</summary>
    private static Task<ConnectorResult>? Refused(OutboundMessage? message) =>
        message is TextMessage { MissingMention: { } missing }
            ? Task.FromResult<ConnectorResult>(new ConnectorResult.Final(ConnectorFailure.BadRequest, $"the text does not contain the mention of {missing.Id}"))
            : null;

    private async Task<ConnectorResult> CallAsync(string operation, HttpMethod method, Uri url, JsonObject? body, CancellationToken cancellationToken)
    {
        // The allow-list comes before anything else, the token included (§3.7).
        if (!allowList.Allows(url))
        {
            ConnectorLog.UntrustedServiceUrl(logger, operation, url.Host);
            return new ConnectorResult.Final(ConnectorFailure.UntrustedServiceUrl, $"service URL host '{url.Host}' is not allow-listed");
        }

        var json = body is null ? null : OutboundActivityJson.Serialize(body);
        if (json is not null && !MessageSizeBudget.Fits(json))
        {
            var bytes = MessageSizeBudget.Utf16Bytes(json);
            ConnectorLog.TooLarge(logger, operation, bytes, MessageSizeBudget.MaxUtf16Bytes);
            return new ConnectorResult.Final(ConnectorFailure.TooLarge, $"{bytes} bytes as UTF-16, over the {MessageSizeBudget.MaxUtf16Bytes} budget");
        }

        for (var attempt = 1; ; attempt++)
        {
            await pacer.WaitForSlotAsync(cancellationToken).ConfigureAwait(false);

            BotToken token;
            try
            {
                token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (BotTokenException e)
            {
                ConnectorLog.TokenFailed(logger, e.IsTransient, e);
                return e.IsTransient
                    ? new ConnectorResult.Transient(backoff.DelayAfter(attempt, e.RetryAfter), "bot token: " + e.Message)
                    : new ConnectorResult.Final(ConnectorFailure.Unauthorized, "bot token: " + e.Message);
            }

            switch (await SendOnceAsync(method, url, json, token, attempt, cancellationToken).ConfigureAwait(false))
            {
                case Done { Result: ConnectorResult.Final final }:
                    ConnectorLog.Final(logger, operation, final.Kind, final.Reason);
                    return final;
                case Done done:
                    return done.Result;
                case Retry retry when retry.InCall && attempt < _options.MaxAttemptsPerCall && retry.Delay <= _options.MaxInCallRetryDelay:
                    ConnectorLog.Retrying(logger, operation, attempt, retry.Status, retry.Code, retry.CorrelationVector, retry.Delay);
                    await Task.Delay(retry.Delay, time, cancellationToken).ConfigureAwait(false);
                    break;
                case Retry retry:
                    ConnectorLog.Transient(logger, operation, retry.Reason, retry.Delay);
                    return new ConnectorResult.Transient(retry.Delay, retry.Reason) { AskedByService = retry.AskedByService };
            }
        }
    }

    private async Task<Attempt> SendOnceAsync(HttpMethod method, Uri url, string? json, BotToken token, int attempt, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(method, url);
        if (!token.IsNone)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json"); // "application/json; charset=utf-8" (§3.2)
        }

        try
        {
            using var response = await http.SendAsync(request, linked.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var code = response.IsSuccessStatusCode ? null : ConnectorError.CodeOf(text);
            var correlation = response.Headers.TryGetValues("MS-CV", out var values) ? values.FirstOrDefault() : null;
            var answer = ConnectorAnswer.Classify(response.StatusCode, code);
            var reason = $"HTTP {status}{(code is null ? string.Empty : " " + code)}{(correlation is null ? string.Empty : $" (MS-CV {correlation})")}";

            if (answer.IsSuccess)
            {
                return new Done(Created(text));
            }

            if (!answer.IsRetryable)
            {
                return new Done(new ConnectorResult.Final(answer.Kind, reason));
            }

            var asked = RetryAfter(response);
            return new Retry(backoff.DelayAfter(attempt, asked), reason, InCall: true, status, code, correlation) { AskedByService = asked is not null };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // No answer in time: the post may have arrived. Not retried in the call (it already took the whole timeout);
            // the outbox retries it later — at least once (design.md §5).
            return new Retry(backoff.DelayAfter(attempt, null), $"no answer within {_options.RequestTimeout}", InCall: false, 0, null, null);
        }
        catch (HttpRequestException e)
        {
            return new Retry(backoff.DelayAfter(attempt, null), $"connection failed ({e.HttpRequestError})", InCall: true, 0, null, null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static ConnectorResult.Ok Created(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? new ConnectorResult.Ok(StringProperty(root, "id"), StringProperty(root, "activityId"))
                : new ConnectorResult.Ok(null);
        }
        catch (JsonException)
        {
            return new ConnectorResult.Ok(null); // 200/202 with an empty body (delete, typing)
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private abstract record Attempt;

    private sealed record Done(ConnectorResult Result) : Attempt;

    private sealed record Retry(TimeSpan Delay, string Reason, bool InCall, int Status, string? Code, string? CorrelationVector) : Attempt
    {
        public bool AskedByService { get; init; }
    }
}
