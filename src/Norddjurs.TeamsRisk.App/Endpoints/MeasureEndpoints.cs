using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.FollowUp;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// <c>/api/measures/{id}</c>: start, complete with an effectiveness note and the re-scored residual
/// (<c>{ "effectivenessNote", "residualLikelihood", "residualConsequence" }</c>), or cancel with a reason (design.md §3).
/// </summary>
internal static class MeasureEndpoints
{
    public static RouteGroupBuilder MapMeasures(this RouteGroupBuilder api)
    {
        var measures = api.MapGroup("/measures");
        measures.MapPost("/{id}/start", StartAsync).WithName("StartMeasure");
        measures.MapPost("/{id}/complete", CompleteAsync).WithName("CompleteMeasure");
        measures.MapPost("/{id}/cancel", CancelAsync).WithName("CancelMeasure");
        return api;
    }

    private static async Task<IResult> StartAsync(string id, ApiCaller caller, MeasureActions measures, CancellationToken cancellationToken) =>
        (await measures.StartAsync(caller.Change(), id, cancellationToken)).ToHttp(caller);

    private static async Task<IResult> CompleteAsync(string id, HttpContext http, ApiCaller caller, MeasureActions measures, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CompletionBody>(http, caller, cancellationToken);
        return body.Ok ? (await measures.CompleteAsync(caller.Change(), id, body.Value.ToCompletion(), cancellationToken)).ToHttp(caller) : body.Problem;
    }

    private static async Task<IResult> CancelAsync(string id, HttpContext http, ApiCaller caller, MeasureActions measures, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ReasonBody>(http, caller, cancellationToken);
        return body.Ok ? (await measures.CancelAsync(caller.Change(), id, body.Value.Reason, cancellationToken)).ToHttp(caller) : body.Problem;
    }

    internal sealed record CompletionBody(string? EffectivenessNote, int? ResidualLikelihood, int? ResidualConsequence)
    {
        public MeasureCompletion ToCompletion() => new(EffectivenessNote, ResidualLikelihood, ResidualConsequence);
    }
}
