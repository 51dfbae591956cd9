using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Authentication;
using Norddjurs.TeamsRisk.App.Identity;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.App.Hosting;

/// <summary>Loads the directory while the host starts (a broken seeded file fails start-up) and warns about every convenience that is on.</summary>
internal sealed partial class IdentityStartupCheck(
    IDirectory directory,
    IOptions<DirectoryOptions> directoryOptions,
    IOptions<AuthOptions> authOptions,
    IHostEnvironment environment,
    ILogger<IdentityStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogDirectory(logger, directoryOptions.Value.Provider.ToString() ?? string.Empty, directory.TenantId);
        if (directoryOptions.Value.Provider == DirectoryProvider.Seeded && !environment.IsDevelopment())
        {
            LogSeededOutsideDevelopment(logger, environment.EnvironmentName);
        }

        if (DevelopmentSignInHandler.IsAllowed(environment, authOptions.Value))
        {
            LogDevelopmentSignIn(logger, ApiSchemes.DevelopmentUserHeader);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1101, LogLevel.Information, "Directory {Provider} for tenant {TenantId}")]
    private static partial void LogDirectory(ILogger logger, string provider, string tenantId);

    [LoggerMessage(1102, LogLevel.Warning, "Directory:Provider=Seeded in {Environment}: roles come from the seeded Development directory, not Entra")]
    private static partial void LogSeededOutsideDevelopment(ILogger logger, string environment);

    [LoggerMessage(1103, LogLevel.Warning, "Auth:AllowDevelopmentSignIn is on (Development only): a request with the header {Header} is signed in as that seeded user, without a token")]
    private static partial void LogDevelopmentSignIn(ILogger logger, string header);
}
