using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Hosting;
using Norddjurs.TeamsRisk.App.Identity;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Method;
using Norddjurs.TeamsRisk.Workflows.Register;
using Norddjurs.TeamsRisk.Workflows.Rounds;

namespace Norddjurs.TeamsRisk.App.Storage;

/// <summary>
/// Opens the store while the host starts, so the data folder, the file and its migrations exist before the first
/// request (and a broken store fails start-up, not a user's action). The shipped method and catalogue are
/// published as drafts (risk-method.md §3.8). In Development only, the seeded coordinator records a clearly
/// marked Development approval and imports the demo systems, through the same use cases a person would use.
/// </summary>
internal sealed partial class StoreStartup(
    IServiceProvider services,
    IHostEnvironment environment,
    IOptions<RolesOptions> roles,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<StoreStartup> logger) : IHostedService
{
    internal const string DemoSystemsFile = "Identity/demo-systems.csv";
    internal const string DevelopmentDecisionRef = "Udviklingsmiljø: ingen rigtig godkendelse";
    internal const string DemoRoundSetting = "Development:SeedDemoRound";
    internal const string DemoRoundName = "Demorunde (udviklingsmiljø)";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await OpenStoreAsync().ConfigureAwait(false);

        var source = services.GetRequiredService<IMethodDataSource>();
        var shipped = services.GetRequiredService<MethodData>().Method;
        var published = await services.GetRequiredService<PublishMethod>()
            .PublishShippedAsync($"seed:method:{shipped.Id}@{shipped.Version}:{shipped.Sha256}", source.MethodJson(), source.CatalogueJson(), cancellationToken)
            .ConfigureAwait(false);
        if (published is not Outcome<MethodVersionChanged>.Done)
        {
            LogShippedNotPublished(logger, shipped.Id, shipped.Version, published.ToString());
        }

        if (environment.IsDevelopment() && await CoordinatorAsync(cancellationToken).ConfigureAwait(false) is { } coordinator)
        {
            await ApproveForDevelopmentAsync(coordinator, shipped, cancellationToken).ConfigureAwait(false);
            await SeedDemoSystemsAsync(coordinator, cancellationToken).ConfigureAwait(false);
        }

        var versions = services.GetRequiredService<StoredMethodVersions>();
        await versions.RefreshAsync(cancellationToken).ConfigureAwait(false);
        if (environment.IsDevelopment() && configuration.GetValue(DemoRoundSetting, false) && versions.HasActive && await CoordinatorAsync(cancellationToken).ConfigureAwait(false) is { } starter)
        {
            await SeedDemoRoundAsync(starter, cancellationToken).ConfigureAwait(false);
        }
        if (versions.HasActive)
        {
            LogActive(logger, versions.ActiveMethod.Id, versions.ActiveMethod.Version, versions.ActiveMethod.Approval.DecisionRef ?? string.Empty);
        }
        else
        {
            LogNoActive(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Opens the configured store before anything is served; an unprovisioned site stops start-up with the store's reason.</summary>
    private async Task OpenStoreAsync()
    {
        if (services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider != StorageProvider.SharePoint)
        {
            var sqlite = services.GetRequiredService<SqliteRiskStore>();
            LogOpened(logger, sqlite.Path, sqlite.SchemaVersion());
            return;
        }

        var opener = services.GetRequiredService<SharePointStoreOpener>();
        try
        {
            await opener.OpenAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or Graph.Store.GraphStoreException or HttpRequestException)
        {
            throw new InvalidOperationException(
                $"SharePoint-lageret kan ikke åbnes / The SharePoint store cannot be opened ({SharePointStorageOptions.SiteUrlKey} = {opener.SiteUrl}): {exception.Message}",
                exception);
        }

        LogOpenedSharePoint(logger, opener.SiteUrl);
    }

    private async Task ApproveForDevelopmentAsync(Actor coordinator, RiskMethod shipped, CancellationToken cancellationToken)
    {
        var versions = services.GetRequiredService<StoredMethodVersions>();
        await versions.RefreshAsync(cancellationToken).ConfigureAwait(false);
        if (versions.HasActive)
        {
            return;
        }

        var approval = new MethodApproval(coordinator.Name, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), DevelopmentDecisionRef);
        await services.GetRequiredService<ApproveMethod>()
            .HandleAsync(new Request(coordinator, $"seed:approve:{shipped.Id}@{shipped.Version}", AuditChannel.Scheduler), shipped.Id, shipped.Version, approval, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task SeedDemoSystemsAsync(Actor coordinator, CancellationToken cancellationToken)
    {
        var path = Path.Combine(AppContext.BaseDirectory, DemoSystemsFile);
        if (!File.Exists(path))
        {
            LogNoDemo(logger, path);
            return;
        }

        var outcome = await services.GetRequiredService<ImportSystems>()
            .ApplyAsync(new Request(coordinator, "seed:demo-systems:v1", AuditChannel.Scheduler), await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), Path.GetFileName(path), cancellationToken)
            .ConfigureAwait(false);
        if (outcome is Outcome<ImportOutcome>.Done done)
        {
            LogSeeded(logger, done.Value.Applied, done.Replayed);
        }
    }

    /// <summary>
    /// A round over the demo systems, once per database, so the Playground's default user has assessments waiting
    /// the first time they write "start" (issue 6: try it as a newcomer).
    /// </summary>
    private async Task SeedDemoRoundAsync(Actor coordinator, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var outcome = await services.GetRequiredService<StartRound>()
            .HandleAsync(new Request(coordinator, "seed:demo-round:v1", AuditChannel.Scheduler), new RoundInput(DemoRoundName, today.AddDays(30)), cancellationToken)
            .ConfigureAwait(false);
        if (outcome is Outcome<RoundStarted>.Done { Replayed: false } done)
        {
            LogRoundSeeded(logger, done.Value.AssessmentIds.Count);
        }
    }

    /// <summary>The seeded directory's first coordinator, who records what a coordinator would in Development.</summary>
    private async Task<Actor?> CoordinatorAsync(CancellationToken cancellationToken)
    {
        var directory = services.GetRequiredService<SeededDirectory>();
        foreach (var user in directory.Users)
        {
            var groups = await directory.GroupIdsAsync(user.ObjectId, cancellationToken).ConfigureAwait(false);
            if (roles.Value.CoordinatorGroupId is { } group && groups.Contains(group))
            {
                return Actor.Of(directory.TenantId, user.ObjectId, user.DisplayName);
            }
        }

        LogNoCoordinator(logger);
        return null;
    }

    [LoggerMessage(1201, LogLevel.Information, "Store opened: SQLite {Path}, schema version {Version}")]
    private static partial void LogOpened(ILogger logger, string path, int version);

    [LoggerMessage(1209, LogLevel.Information, "Store opened: SharePoint {SiteUrl}")]
    private static partial void LogOpenedSharePoint(ILogger logger, string siteUrl);

    [LoggerMessage(1202, LogLevel.Information, "Development: demo systems seeded ({Applied} written, replay: {Replayed})")]
    private static partial void LogSeeded(ILogger logger, int applied, bool replayed);

    [LoggerMessage(1203, LogLevel.Warning, "Development: no demo systems file at {Path}; nothing seeded")]
    private static partial void LogNoDemo(ILogger logger, string path);

    [LoggerMessage(1204, LogLevel.Warning, "Development: the seeded directory has no coordinator; the method stays a draft and no demo systems are seeded")]
    private static partial void LogNoCoordinator(ILogger logger);

    [LoggerMessage(1205, LogLevel.Error, "The shipped method {MethodId} {Version} was not published: {Outcome}")]
    private static partial void LogShippedNotPublished(ILogger logger, string methodId, string version, string outcome);

    [LoggerMessage(1206, LogLevel.Information, "Active method {MethodId} {Version}, approved under {DecisionRef}")]
    private static partial void LogActive(ILogger logger, string methodId, string version, string decisionRef);

    [LoggerMessage(1208, LogLevel.Information, "Development: a demo round was started with {Count} assessments")]
    private static partial void LogRoundSeeded(ILogger logger, int count);

    [LoggerMessage(1207, LogLevel.Warning, "No method version is approved yet: rounds cannot start until the coordinator records the approval (POST /api/methods/{{id}}/{{version}}/approve, or the tab's method page /tab/coordinator/method)")]
    private static partial void LogNoActive(ILogger logger);
}
