using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Jobs;
using Norddjurs.TeamsRisk.App.Jobs.Audit;
using Norddjurs.TeamsRisk.App.Jobs.Idempotency;
using Norddjurs.TeamsRisk.App.Jobs.Outbox;
using Norddjurs.TeamsRisk.App.Jobs.Reminders;
using Norddjurs.TeamsRisk.App.Storage;
using Norddjurs.TeamsRisk.Workflows.FollowUp;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Hosting;

internal static class JobsHosting
{
    /// <summary>
    /// The outbox dispatcher, the audit sealer, the applied-change pruner and the follow-up job with their options
    /// (<c>Outbox:*</c>, <c>Audit:*</c>, <c>Storage:AppliedChange*</c>, <c>Reminders:*</c>), the first two woken by a
    /// commit signal that wraps the store. Call after <c>AddStoreAndUseCases</c>. Until the Teams and mail senders
    /// arrive, every outbox kind is logged and counted as delivered.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidation>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidation>();
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RemindersOptions>, RemindersOptionsValidation>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(JobInstance.ForThisProcess());
        services.AddSingleton<CommitSignal>();
        SignalCommits(services);

        foreach (var kind in new[] { OutboxKinds.TeamsSend, OutboxKinds.TeamsReply, OutboxKinds.TeamsUpdate, OutboxKinds.Mail, OutboxKinds.Install })
        {
            services.AddOutboxSender<LoggingOutboxSender>(kind);
        }

        services.AddSingleton(sp => new OutboxSenders(sp.GetServices<OutboxSenderRegistration>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<OutboxOptions>>().Value;
            return new OutboxDelivery(
                sp.GetRequiredService<IOutbox>(),
                sp.GetRequiredService<OutboxSenders>(),
                options,
                new RetryPolicy(options.RetryBaseDelay, options.RetryMaxDelay, Random.Shared.NextDouble),
                sp.GetRequiredService<JobInstance>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<OutboxDelivery>>());
        });
        services.AddSingleton(sp => new AuditSealing(
            sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<ILeases>(),
            sp.GetRequiredService<IOptions<AuditOptions>>().Value,
            sp.GetRequiredService<JobInstance>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AuditSealing>>()));
        services.AddSingleton(sp => new AppliedChangePruning(
            sp.GetRequiredService<IDocumentStore>(),
            sp.GetRequiredService<ILeases>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.AppliedChangeRetention,
            sp.GetRequiredService<JobInstance>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AppliedChangePruning>>()));
        services.AddSingleton(sp => new ReminderRun(
            sp.GetRequiredService<SendDueNotices>(),
            sp.GetRequiredService<ILeases>(),
            sp.GetRequiredService<IOptions<RemindersOptions>>().Value,
            sp.GetRequiredService<JobInstance>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ReminderRun>>()));
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<AuditSealer>();
        services.AddHostedService<AppliedChangePruner>();
        services.AddHostedService<ReminderScheduler>();
        return services;
    }

    /// <summary>Registers <typeparamref name="TSender"/> for one outbox kind; a later registration for the kind wins.</summary>
    public static IServiceCollection AddOutboxSender<TSender>(this IServiceCollection services, string kind)
        where TSender : class, IOutboxSender
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        services.TryAddSingleton<TSender>();
        services.AddSingleton(sp => new OutboxSenderRegistration(kind, sp.GetRequiredService<TSender>()));
        return services;
    }

    /// <summary>
    /// Wraps the registered store so a committed change pulses the jobs. Every port (and the use cases) resolves
    /// <see cref="IRiskStore"/>, so this one registration covers all commits, whichever store is configured.
    /// </summary>
    private static void SignalCommits(IServiceCollection services)
    {
        var store = services.LastOrDefault(d => d.ServiceType == typeof(IRiskStore) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("AddJobs wraps the store: call AddStoreAndUseCases first.");
        services.Remove(store);
        services.AddSingleton<IRiskStore>(sp => new CommitSignallingStore(Create(store, sp), sp.GetRequiredService<CommitSignal>()));
    }

    private static IRiskStore Create(ServiceDescriptor descriptor, IServiceProvider services) =>
        (IRiskStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
