using Norddjurs.TeamsRisk.App.Authentication;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// <c>/api/*</c>: every endpoint here needs a signed-in person (401 problem details otherwise), and every POST an
/// <c>Idempotency-Key</c> and a body within its limit (<see cref="ApiRequestFilter"/>).
/// </summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(ApiSchemes.SignedInPolicy).AddEndpointFilter<ApiRequestFilter>();
        api.MapMe();
        api.MapSystems();
        api.MapRounds();
        api.MapAssessments();
        api.MapEscalations();
        api.MapMeasures();
        api.MapAudit();
        api.MapRegister();
        api.MapExports();
        api.MapOutbox();
        api.MapMethods();
        return app;
    }
}
