using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Identity;
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

        // Seeded is the only provider until Graph arrives; the options validation refuses Graph at start-up.
        services.AddSingleton(_ => new SeededDirectory(SeededDirectoryFile.Read(Path.Combine(AppContext.BaseDirectory, SeededDirectoryFile.RelativePath))));
        services.AddSingleton<IDirectory>(sp => sp.GetRequiredService<SeededDirectory>());
        services.AddSingleton(sp => new RoleResolver(
            sp.GetRequiredService<IDirectory>(),
            sp.GetRequiredService<IOptions<RolesOptions>>().Value.ToRoleGroups()));
        services.AddHostedService<IdentityStartupCheck>();
        return services;
    }
}
