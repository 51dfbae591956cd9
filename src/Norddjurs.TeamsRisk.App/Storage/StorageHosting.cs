using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Hosting;
using Norddjurs.TeamsRisk.App.Jobs.CommitteeSync;
using Norddjurs.TeamsRisk.App.Jobs.Recovery;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Deciding;
using Norddjurs.TeamsRisk.Workflows.FollowUp;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Method;
using Norddjurs.TeamsRisk.Workflows.Outbox;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Register;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using Norddjurs.TeamsRisk.Workflows.Rounds;

namespace Norddjurs.TeamsRisk.App.Storage;

internal static class StorageHosting
{
    /// <summary>
    /// The configured store (one instance for every port it implements: SQLite, or SharePoint through the Graph client of
    /// <c>Graph:*</c>), the method versions and the use cases. Only the chosen store is ever built.
    /// </summary>
    public static IServiceCollection AddStoreAndUseCases(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidation>();
        services.AddSingleton<IValidateOptions<StorageOptions>, SharePointStorageValidation>();
        services.AddGraphClient();
        services.AddOptions<SqliteStoreOptions>().BindConfiguration(SqliteStoreOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.Path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Path)));

        services.AddSingleton(sp => SqliteRiskStore.Open(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SharePointStoreOpener>();
        services.AddSingleton<OpenedGraphStore>();
        services.AddSingleton<StoreHealth>();
        services.AddSingleton<IRiskStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.SharePoint
            ? sp.GetRequiredService<OpenedGraphStore>()
            : sp.GetRequiredService<SqliteRiskStore>());
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<IRiskStore>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<IRiskStore>());
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<IRiskStore>());
        services.AddSingleton<ILeases>(sp => sp.GetRequiredService<IRiskStore>());

        // The coordinator's delivery log reads the chosen store's own outbox list or table.
        services.AddSingleton<IOutboxLog>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.SharePoint
            ? sp.GetRequiredService<OpenedGraphStore>()
            : sp.GetRequiredService<SqliteRiskStore>());

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StoredMethodVersions(sp.GetRequiredService<IDocumentStore>()));
        services.AddSingleton<IMethodVersions>(sp => sp.GetRequiredService<StoredMethodVersions>());
        services.AddSingleton(sp => new UseCaseServices(
            sp.GetRequiredService<IRiskStore>(), sp.GetRequiredService<IDirectory>(), sp.GetRequiredService<RoleResolver>(),
            sp.GetRequiredService<IMethodVersions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PublishMethod>();
        services.AddSingleton<ApproveMethod>();
        services.AddSingleton<ImportSystems>();
        services.AddSingleton<StartRound>();
        services.AddSingleton<RemindRound>();
        services.AddSingleton<Workflows.Reassessing.StartReassessment>();
        services.AddSingleton<OpenAssessment>();
        services.AddSingleton<SaveStep>();
        services.AddSingleton<SubmitAssessment>();
        services.AddSingleton<MoveStep>();
        services.AddSingleton<CancelAssessment>();
        services.AddSingleton<ReturnAssessment>();
        services.AddSingleton<ApproveAssessment>();
        services.AddSingleton<DecideEscalation>();
        services.AddSingleton<MeasureActions>();
        services.AddSingleton<SendDueNotices>();
        services.AddSingleton<DeadLetters>();
        services.AddHostedService<StoreStartup>();
        // After StoreStartup, so the sweep starts on an opened store.
        services.AddHostedService<StoreRecovery>();
        services.AddHostedService<CommitteeEditSyncJob>();
        return services;
    }
}
