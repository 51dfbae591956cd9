using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Norddjurs.TeamsRisk.Graph.Connection;

namespace Norddjurs.TeamsRisk.App.Hosting;

internal static class GraphHosting
{
    /// <summary>
    /// <c>Graph:*</c> and one <see cref="GraphServiceClient"/> for the process, built on first use — so a setting that
    /// does not use Graph never needs its keys. Whoever needs Graph validates <see cref="GraphOptions"/> at start-up.
    /// </summary>
    public static IServiceCollection AddGraphClient(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section);
        services.TryAddSingleton(sp => GraphClientBuilder.Build(sp.GetRequiredService<IOptions<GraphOptions>>().Value));
        return services;
    }
}
