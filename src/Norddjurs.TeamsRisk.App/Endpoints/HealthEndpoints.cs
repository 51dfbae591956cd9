using Norddjurs.TeamsRisk.App.Hosting;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary><c>GET /healthz</c>: 200 with the method and catalogue the app runs (design.md §10).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (MethodData data) => TypedResults.Ok(new HealthReport(
            "ok",
            new VersionReport(data.Method.Id, data.Method.Version, data.Method.Sha256, data.Method.Status.ToString().ToLowerInvariant()),
            new VersionReport(data.Catalogue.Id, data.Catalogue.Version, data.Catalogue.Sha256, null))))
            .AllowAnonymous()
            .WithName("Health");
        return app;
    }

    internal sealed record HealthReport(string Status, VersionReport Method, VersionReport Catalog);

    internal sealed record VersionReport(string Id, string Version, string Sha256, string? Status);
}
