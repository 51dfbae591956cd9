using Norddjurs.TeamsRisk.App.Authentication;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary><c>/api/*</c>: every endpoint here needs a signed-in person (401 problem details otherwise).</summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(ApiSchemes.SignedInPolicy);
        api.MapMe();
        return app;
    }
}
