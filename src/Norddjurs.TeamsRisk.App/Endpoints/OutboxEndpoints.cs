using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Workflows.Outbox;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// <c>/api/outbox/dead-letters</c> (design.md §5): the messages the dispatcher gave up on, with the reason, for the
/// coordinator and the auditor; the coordinator puts one back to be sent again (audited; 404 for an unknown id,
/// 409 when it is not dead any more). <c>/api/outbox/log</c>: the recent deliveries, newest first, with state and reason.
/// </summary>
internal static class OutboxEndpoints
{
    public static RouteGroupBuilder MapOutbox(this RouteGroupBuilder api)
    {
        var deadLetters = api.MapGroup("/outbox/dead-letters");
        deadLetters.MapGet("/", ListAsync).WithName("ListDeadLetters");
        deadLetters.MapPost("/{id}/retry", RetryAsync).WithName("RetryDeadLetter");
        api.MapGet("/outbox/log", LogAsync).WithName("DeliveryLog");
        return api;
    }

    private static async Task<IResult> ListAsync(
        ApiCaller caller, DeadLetters deadLetters, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        try
        {
            return (await deadLetters.ListAsync(caller.Actor, pageSize ?? DeadLetters.DefaultPageSize, continuationToken, cancellationToken)).ToHttp(caller);
        }
        catch (ArgumentException) when (continuationToken is not null)
        {
            // The token is opaque and the store's own; one it did not issue is the caller's mistake, not a fault.
            return Problems.BadRequest(DomainError.Of("api.continuation_token_invalid"), caller.Language);
        }
    }

    private static async Task<IResult> RetryAsync(string id, ApiCaller caller, DeadLetters deadLetters, CancellationToken cancellationToken) =>
        (await deadLetters.RequeueAsync(caller.Change(), id, cancellationToken)).ToHttp(caller);

    private static async Task<IResult> LogAsync(ApiCaller caller, DeliveryLog log, int? count, CancellationToken cancellationToken) =>
        (await log.ListAsync(caller.Actor, count ?? DeliveryLog.DefaultCount, cancellationToken)).ToHttp(caller);
}
