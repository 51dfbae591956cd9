using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Rounds;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary><c>/api/rounds</c>: the coordinator starts a round; the coordinator, committee and auditor follow its progress per owner and each invitation's status.</summary>
internal static class RoundEndpoints
{
    public static RouteGroupBuilder MapRounds(this RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/rounds");
        rounds.MapPost("/", StartAsync).WithName("StartRound");
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

    private static async Task<IResult> ProgressAsync(string id, ApiCaller caller, RoundProgressQuery progress, CancellationToken cancellationToken) =>
        (await progress.ReadAsync(caller.Actor, id, cancellationToken)).ToHttp(caller);

    /// <summary>Each invitation: reached by Teams, by mail or not (and why), opened, submitted, overdue.</summary>
    private static async Task<IResult> StatusAsync(string id, ApiCaller caller, RoundStatusQuery status, CancellationToken cancellationToken) =>
        (await status.ReadAsync(caller.Actor, id, cancellationToken)).ToHttp(caller);
}
