using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>
/// One <c>POST /api/messages</c>, in the order of teams-bot-protocol.md §1.1 and §2.2: nothing reaches the handler
/// before the body is small enough, parses and is authenticated. Handler faults and overruns become a 500 problem
/// for messages and an invoke error body for invokes (§4.1), never internals and never a hang.
/// </summary>
internal sealed class BotMessageProcessor(BotRequestAuthenticator authenticator, TimeProvider time, ILogger<BotMessageProcessor> logger)
{
    /// <summary>User-visible; the BotProtocol project cannot reach the app's Danish texts, so the fallback lives here.</summary>
    private const string InvokeFailureMessage = "Handlingen kunne ikke gennemføres. Prøv igen om lidt.";

    public async Task ProcessAsync(HttpContext http)
    {
        var body = await ActivityBodyReader.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            logger.BodyRefused(StatusCodes.Status413PayloadTooLarge, nameof(ActivityParseError.TooLarge));
            await Problem(http, StatusCodes.Status413PayloadTooLarge, "The activity is too large.",
                $"The body is larger than {InboundLimits.MaxActivityBytes} bytes.", nameof(ActivityParseError.TooLarge)).ConfigureAwait(false);
            return;
        }

        var parsed = ActivityParser.Parse(body.Value);
        if (!parsed.Succeeded)
        {
            logger.BodyRefused(StatusCodes.Status400BadRequest, parsed.Error.Value.ToString());
            await Problem(http, StatusCodes.Status400BadRequest, "The body is not a valid activity.", parsed.Detail, parsed.Error.Value.ToString()).ConfigureAwait(false);
            return;
        }

        var activity = parsed.Activity;
        if (await AuthenticateAsync(http, activity).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        if (string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.Ordinal))
        {
            // Spec A3112: replies in the HTTP body are not supported; real Teams never asks for them (§1.1).
            await Problem(http, StatusCodes.Status400BadRequest, "deliveryMode expectReplies is not supported.", null, "ExpectRepliesNotSupported").ConfigureAwait(false);
            return;
        }

        var kind = ActivityClassifier.Classify(activity);
        var receivedAt = time.GetUtcNow();
        var context = new TurnContext(
            caller,
            ConversationReferences.From(activity, kind, caller, receivedAt),
            activity.Id is { Length: > 0 } id ? $"{activity.Conversation.Id}|{id}" : null,
            receivedAt);
        var handler = http.RequestServices.GetRequiredService<IActivityHandler>();
        var response = await RunHandlerAsync(handler, new InboundActivity(activity, kind), context).ConfigureAwait(false);
        await WriteAsync(http, response).ConfigureAwait(false);
    }

    private async Task<BotCaller?> AuthenticateAsync(HttpContext http, Activity activity)
    {
        BotAuthenticationResult result;
        try
        {
            // Two Authorization headers join with a comma, which BearerToken refuses (§2.2 step 1: one token).
            result = await authenticator.AuthenticateAsync(
                http.Request.Headers.Authorization.ToString(), activity, http.Connection.RemoteIpAddress, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BotSigningKeysUnavailableException e)
        {
            logger.SigningKeysUnavailable(e);
            await Problem(http, StatusCodes.Status503ServiceUnavailable, "The bot cannot check tokens right now.", null, "SigningKeysUnavailable").ConfigureAwait(false);
            return null;
        }

        switch (result)
        {
            case BotAuthenticationResult.Authenticated authenticated:
                return authenticated.Caller;
            case BotAuthenticationResult.Unauthorized unauthorized:
                logger.RequestRefused(StatusCodes.Status401Unauthorized, unauthorized.Reason, activity.Type, activity.Id, activity.Conversation.Id);
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return null;
            case BotAuthenticationResult.Forbidden forbidden:
                logger.RequestRefused(StatusCodes.Status403Forbidden, forbidden.Reason, activity.Type, activity.Id, activity.Conversation.Id);
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return null;
            default:
                throw new System.Diagnostics.UnreachableException();
        }
    }

    [SuppressMessage("Design", "CA1031", Justification = "The edge: any handler fault becomes a well-formed answer (§4.1).")]
    private async Task<ActivityResponse?> RunHandlerAsync(IActivityHandler handler, InboundActivity inbound, TurnContext context)
    {
        var activity = inbound.Activity;
        var isInvoke = activity.Type == ActivityTypes.Invoke;
        var budget = isInvoke ? InboundLimits.InvokeHandlerBudget : InboundLimits.MessageHandlerBudget;
        using var deadline = new CancellationTokenSource(budget, time);
        try
        {
            // Task.Run: a handler that blocks before its first await still cannot hold the response past the budget.
            // WaitAsync on the deadline (armed before the handler starts): a handler that ignores its token is abandoned.
            return await Task.Run(() => handler.HandleAsync(inbound, context, deadline.Token), CancellationToken.None)
                .WaitAsync(deadline.Token).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The activity handler returned no response.");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            logger.HandlerTimedOut(activity.Type, activity.Id, budget);
            return Failure(isInvoke);
        }
        catch (Exception e)
        {
            logger.HandlerFailed(e, activity.Type, activity.Id, activity.Conversation.Id);
            return Failure(isInvoke);
        }
    }

    /// <summary>Null means "answer with a 500 problem"; an invoke gets its error in the body of an HTTP 200 (§4.1).</summary>
    private static ActivityResponse? Failure(bool isInvoke) =>
        isInvoke ? ActivityResponse.Invoke(InvokeResponse.Error(500, "InternalError", InvokeFailureMessage)) : null;

    private static async Task WriteAsync(HttpContext http, ActivityResponse? response)
    {
        if (response is null)
        {
            await Problem(http, StatusCodes.Status500InternalServerError, "The activity could not be processed.", null, "HandlerFailed").ConfigureAwait(false);
            return;
        }

        http.Response.StatusCode = response.HttpStatusCode;
        if (response.InvokeBody is { } body)
        {
            await http.Response.WriteAsJsonAsync(body, InboundJsonContext.Default.InvokeResponse, contentType: "application/json; charset=utf-8").ConfigureAwait(false);
        }
    }

    private static Task Problem(HttpContext http, int status, string title, string? detail, string code) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(http);
}
