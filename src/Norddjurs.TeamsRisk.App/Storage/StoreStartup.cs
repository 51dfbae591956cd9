using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Identity;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Register;

namespace Norddjurs.TeamsRisk.App.Storage;

/// <summary>
/// Opens the store while the host starts, so the data folder, the file and its migrations exist before the first
/// request (and a broken store fails start-up, not a user's action). In Development it seeds the demo systems,
/// imported once as the seeded coordinator through the same use case a coordinator would use.
/// </summary>
internal sealed partial class StoreStartup(
    IServiceProvider services,
    IHostEnvironment environment,
    IOptions<RolesOptions> roles,
    ILogger<StoreStartup> logger) : IHostedService
{
    internal const string DemoSystemsFile = "Identity/demo-systems.csv";
    internal const string DemoSeedKey = "seed:demo-systems:v1";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<SqliteRiskStore>();
        LogOpened(logger, store.Path, store.SchemaVersion());
        if (environment.IsDevelopment())
        {
            await SeedDemoSystemsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedDemoSystemsAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(AppContext.BaseDirectory, DemoSystemsFile);
        var directory = services.GetRequiredService<SeededDirectory>();
        DirectoryUser? coordinator = null;
        foreach (var user in directory.Users)
        {
            var groups = await directory.GroupIdsAsync(user.ObjectId, cancellationToken).ConfigureAwait(false);
            if (roles.Value.CoordinatorGroupId is { } group && groups.Contains(group))
            {
                coordinator = user;
                break;
            }
        }

        if (!File.Exists(path) || coordinator is null)
        {
            LogNoDemo(logger);
            return;
        }

        var actor = Actor.Of(directory.TenantId, coordinator.ObjectId, coordinator.DisplayName);
        var outcome = await services.GetRequiredService<ImportSystems>()
            .ApplyAsync(new Request(actor, DemoSeedKey, AuditChannel.Scheduler), await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), Path.GetFileName(path), cancellationToken)
            .ConfigureAwait(false);
        if (outcome is Outcome<ImportOutcome>.Done done)
        {
            LogSeeded(logger, done.Value.Applied, done.Replayed);
        }
    }

    [LoggerMessage(1201, LogLevel.Information, "Store opened: SQLite {Path}, schema version {Version}")]
    private static partial void LogOpened(ILogger logger, string path, int version);

    [LoggerMessage(1202, LogLevel.Information, "Development: demo systems seeded ({Applied} written, replay: {Replayed})")]
    private static partial void LogSeeded(ILogger logger, int applied, bool replayed);

    [LoggerMessage(1203, LogLevel.Warning, "Development: no demo systems file or no seeded coordinator; nothing seeded")]
    private static partial void LogNoDemo(ILogger logger);
}
