namespace Norddjurs.TeamsRisk.App.Hosting;

internal static class HostingExtensions
{
    public static IServiceCollection AddMethodData(this IServiceCollection services)
    {
        services.AddSingleton<IMethodDataSource, EmbeddedMethodDataSource>();
        services.AddSingleton(sp => MethodData.Load(sp.GetRequiredService<IMethodDataSource>()));
        services.AddHostedService<MethodDataCheck>();
        return services;
    }
}
