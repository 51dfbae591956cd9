using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Rounds;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// <c>/api/rounds</c>: the coordinator starts a round and reminds its owners who have not submitted; the coordinator,
/// committee and auditor list the rounds and follow each one's progress per owner and each invitation's status.
/// </summary>
internal static class RoundEndpoints
{
    public static RouteGroupBuilder MapRounds(this RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/rounds");
        rounds.MapGet("/", ListAsync).WithName("ListRounds");
        rounds.MapPost("/", StartAsync).WithName("StartRound");
        rounds.MapPost("/{id}/remind", RemindAsync).WithName("RemindRound");
        rounds.MapGet("/{id}/progress", ProgressAsync).WithName("RoundProgress");
        rounds.MapGet("/{id}/status", StatusAsync).WithName("RoundStatus");
        return api;
    }

    private static async Task<IResult> StartAsync(HttpContext http, ApiCaller caller, StartRound startRound, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RoundInput>(http, caller, cancellationToken);
        return body.Ok
            ? (await startRound.HandleAsync(caller.Change(), body.Value, cancellationToken)).ToHttp(caller)
            : body.Problem;
    }

    private static async Task<IResult> ListAsync(ApiCaller caller, RoundListQuery rounds, CancellationToken cancellationToken) =>
        (await rounds.ReadAsync(caller.Actor, cancellationToken)).ToHttp(caller);

    /// <summary><c>{}</c> reminds every owner who has not submitted; <c>{"assessmentIds": [...]}</c> the chosen ones.</summary>
    private static async Task<IResult> RemindAsync(string id, HttpContext http, ApiCaller caller, RemindRound remind, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RemindInput>(http, caller, cancellationToken);
        return body.Ok
            ? (await remind.HandleAsync(caller.Change(), id, body.Value, cancellationToken)).ToHttp(caller)
            : body.Problem;
    }

    private static async Task<IResult> ProgressAsync(string id, ApiCaller caller, RoundProgressQuery progress, CancellationToken cancellationToken) =>
        (await progress.ReadAsync(caller.Actor, id, cancellationToken)).ToHttp(caller);

    /// <summary>Each invitation: reached by Teams, by mail or not (and why), opened, submitted, overdue.</summary>
    private static async Task<IResult> StatusAsync(string id, ApiCaller caller, RoundStatusQuery status, CancellationToken cancellationToken) =>
        (await status.ReadAsync(caller.Actor, id, cancellationToken)).ToHttp(caller);
}
