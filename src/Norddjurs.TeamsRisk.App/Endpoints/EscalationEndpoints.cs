using Norddjurs.TeamsRisk.Workflows.Deciding;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary><c>/api/escalations/{id}/decision</c>: the band's authority, or a higher rank, decides one escalation (design.md §3).</summary>
internal static class EscalationEndpoints
{
    public static RouteGroupBuilder MapEscalations(this RouteGroupBuilder api)
    {
        api.MapPost("/escalations/{id}/decision", DecideAsync).WithName("DecideEscalation");
        return api;
    }

    private static async Task<IResult> DecideAsync(string id, HttpContext http, ApiCaller caller, DecideEscalation decide, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<DecisionBody>(http, caller, cancellationToken);
        if (!body.Ok)
        {
            return body.Problem;
        }

        return body.Value.Kind is null
            ? JsonBody.Invalid("$.kind", caller)
            : (await decide.HandleAsync(caller.Change(), id, body.Value.ToInput(), cancellationToken)).ToHttp(caller);
    }
}
