using Norddjurs.TeamsRisk.App.Hosting;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.App.Storage;
using Norddjurs.TeamsRisk.Workflows.Method;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// <c>GET /healthz</c> (design.md §10): 200 once the store answers, with the method and catalogue new assessments
/// pin (the approved version, or the shipped draft while none is approved); 503 when the store cannot be read.
/// </summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async Task<IResult> (MethodData shipped, StoredMethodVersions versions, StoreHealth store, CancellationToken cancellationToken) =>
        {
            if (await store.ProbeAsync(cancellationToken).ConfigureAwait(false) is not var (provider, schema))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Lageret kan ikke læses / The store cannot be read");
            }

            var (method, catalogue) = versions.HasActive ? (versions.ActiveMethod, versions.ActiveCatalogue) : (shipped.Method, shipped.Catalogue);
            return TypedResults.Ok(new HealthReport(
                "ok",
                Report(method, versions.HasActive),
                new VersionReport(catalogue.Id, catalogue.Version, catalogue.Sha256, null, null),
                new StoreReport(provider, schema)));
        })
            .AllowAnonymous()
            .WithName("Health");
        return app;
    }

    private static VersionReport Report(RiskMethod method, bool active) =>
        new(method.Id, method.Version, method.Sha256, active ? "active" : "draft", active ? method.Approval.DecisionRef : null);

    internal sealed record HealthReport(string Status, VersionReport Method, VersionReport Catalog, StoreReport Store);

    internal sealed record VersionReport(string Id, string Version, string Sha256, string? Status, string? DecisionRef);

    internal sealed record StoreReport(string Provider, int SchemaVersion);
}
