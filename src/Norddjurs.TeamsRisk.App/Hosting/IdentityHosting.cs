using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Norddjurs.TeamsRisk.App.Identity;
using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.Graph.Directory;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.App.Hosting;

internal static class IdentityHosting
{
    /// <summary>The directory (<c>Directory:Provider</c>) and the role resolver over it with the <c>Roles:*GroupId</c> groups.</summary>
    public static IServiceCollection AddDirectoryAndRoles(this IServiceCollection services)
    {
        services.AddOptions<DirectoryOptions>()
            .BindConfiguration(DirectoryOptions.Section)
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.Provider ??= environment.IsDevelopment() ? DirectoryProvider.Seeded : DirectoryProvider.Graph)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectoryOptions>, DirectoryOptionsValidation>();
        services.AddOptions<RolesOptions>().BindConfiguration(RolesOptions.Section);

        // Both are registered; only the chosen one is ever built (the seeded file is not read in Graph mode).
        services.AddSingleton(_ => new SeededDirectory(SeededDirectoryFile.Read(Path.Combine(AppContext.BaseDirectory, SeededDirectoryFile.RelativePath))));
        services.AddGraphClient();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new GraphDirectory(
            sp.GetRequiredService<GraphServiceClient>(),
            sp.GetRequiredService<IOptions<GraphOptions>>().Value.TenantId!,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDirectory>(sp => sp.GetRequiredService<IOptions<DirectoryOptions>>().Value.Provider == DirectoryProvider.Graph
            ? sp.GetRequiredService<GraphDirectory>()
            : sp.GetRequiredService<SeededDirectory>());
        services.AddSingleton(sp => new RoleResolver(
            sp.GetRequiredService<IDirectory>(),
            sp.GetRequiredService<IOptions<RolesOptions>>().Value.ToRoleGroups()));
        services.AddHostedService<IdentityStartupCheck>();
        return services;
    }
}
