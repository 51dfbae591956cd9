using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Queries.Register;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// <c>/api/register</c>: the register for the committee, the coordinator and the auditor — filtered, sorted and paged
/// (<see cref="RegisterQueryString"/>) — its heatmap with the same filter, and a system's history.
/// </summary>
internal static class RegisterEndpoints
{
    public static RouteGroupBuilder MapRegister(this RouteGroupBuilder api)
    {
        var register = api.MapGroup("/register");
        register.MapGet("/", ReadAsync).WithName("ReadRegister");
        register.MapGet("/heatmap", HeatmapAsync).WithName("ReadHeatmap");
        register.MapGet("/systems/{id}/history", HistoryAsync).WithName("ReadSystemHistory");
        return api;
    }

    private static async Task<IResult> ReadAsync(HttpRequest request, ApiCaller caller, RegisterQuery register, IMethodVersions methods, CancellationToken cancellationToken)
    {
        var (filter, errors) = RegisterQueryString.Parse(request.Query, BandIds(methods));
        return errors.Count > 0
            ? Problems.Of(StatusCodes.Status400BadRequest, "api.bad_request", caller.Language, errors)
            : (await register.ReadAsync(caller.Actor, filter, cancellationToken)).ToHttp(caller);
    }

    private static async Task<IResult> HeatmapAsync(HttpRequest request, ApiCaller caller, HeatmapQuery heatmap, IMethodVersions methods, CancellationToken cancellationToken)
    {
        var (filter, errors) = RegisterQueryString.Parse(request.Query, BandIds(methods));
        return errors.Count > 0
            ? Problems.Of(StatusCodes.Status400BadRequest, "api.bad_request", caller.Language, errors)
            : (await heatmap.ReadAsync(caller.Actor, filter, cancellationToken)).ToHttp(caller, pair =>
                TypedResults.Ok(new HeatmapResponse(Cells(pair.Current), Cells(pair.Residual))));
    }

    private static async Task<IResult> HistoryAsync(string id, ApiCaller caller, SystemHistoryQuery history, CancellationToken cancellationToken) =>
        (await history.ReadAsync(caller.Actor, id, cancellationToken)).ToHttp(caller);

    private static string[] BandIds(IMethodVersions methods) => [.. methods.ActiveMethod.Bands.Select(b => b.Id)];

    private static IReadOnlyList<CellResponse> Cells(Heatmap map) =>
        [.. map.Cells.Select(c => new CellResponse(c.Likelihood, c.Consequence, c.Points, c.Band.Id, c.Count,
            [.. c.Risks.Select(r => new RiskRef(r.SystemId, r.AssessmentId, r.EventId))]))];

    internal sealed record HeatmapResponse(IReadOnlyList<CellResponse> Current, IReadOnlyList<CellResponse> Residual);

    internal sealed record CellResponse(int Likelihood, int Consequence, int Points, string Band, int Count, IReadOnlyList<RiskRef> Risks);

    internal sealed record RiskRef(string SystemId, string AssessmentId, string EventId);
}
