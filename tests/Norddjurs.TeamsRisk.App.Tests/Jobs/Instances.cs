using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.App.Jobs;
using Norddjurs.TeamsRisk.App.Jobs.Audit;
using Norddjurs.TeamsRisk.App.Jobs.Outbox;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>The per-round job classes as one app instance builds them, on its own store object and the shared fake clock.</summary>
internal static class Instances
{
    /// <summary>Jitter fixed at the middle of its range, so a test knows the backoff exactly (RetryPolicyTests cover the range).</summary>
    public static double NoJitter() => 0.5;

    public static OutboxDelivery Dispatcher(IOutbox outbox, string name, FakeTimeProvider time, IOutboxSender sender, OutboxOptions? options = null) =>
        Dispatcher(outbox, name, time, [new OutboxSenderRegistration(OutboxKinds.TeamsSend, sender)], options);

    public static OutboxDelivery Dispatcher(IOutbox outbox, string name, FakeTimeProvider time, IEnumerable<OutboxSenderRegistration> senders, OutboxOptions? options = null)
    {
        options ??= new OutboxOptions();
        return new OutboxDelivery(
            outbox,
            new OutboxSenders(senders),
            options,
            new RetryPolicy(options.RetryBaseDelay, options.RetryMaxDelay, NoJitter),
            new JobInstance(name),
            time,
            NullLogger<OutboxDelivery>.Instance);
    }

    public static AuditSealing Sealer(IAuditLog auditLog, ILeases leases, string name, FakeTimeProvider time, AuditOptions? options = null) =>
        new(auditLog, leases, options ?? new AuditOptions(), new JobInstance(name), time, NullLogger<AuditSealing>.Instance);
}
