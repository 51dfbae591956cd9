using Microsoft.Extensions.DependencyInjection;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Method;
using Norddjurs.TeamsRisk.Workflows.Queries;

namespace Norddjurs.TeamsRisk.Tab.Tests.Coordinator;

/// <summary>
/// The method's use cases over the tab's SQLite store, with the shipped method and catalogue published by the app and
/// approved by the coordinator, as App's start-up does in Development: 1.0.0 is active.
/// </summary>
internal static class MethodWorld
{
    public static readonly MethodApproval Board = new("Direktionen", new DateOnly(2026, 2, 24), "Direktionsmøde 24-02-2026, pkt. 5");

    public static async Task<StoredMethodVersions> SeedAsync(TabWorld world)
    {
        var versions = new StoredMethodVersions(world.Store);
        var services = world.Services with { Methods = versions };
        var di = ((Bunit.BunitContext)world).Services;
        di.AddSingleton(new PublishMethod(services));
        di.AddSingleton(new ApproveMethod(services));
        di.AddSingleton(new MethodVersionsQuery(services, new Visibility(world.Services.Roles)));

        Assert.True((await new PublishMethod(services).PublishShippedAsync("seed", DefaultMethod.Json(), DefaultCatalogue.Json(), CancellationToken.None)).IsDone);
        Assert.True((await new ApproveMethod(services).HandleAsync(TabWorld.As(TabWorld.Coordinator), "nk-risk-method", "1.0.0", Board, CancellationToken.None)).IsDone);
        return versions;
    }
}
