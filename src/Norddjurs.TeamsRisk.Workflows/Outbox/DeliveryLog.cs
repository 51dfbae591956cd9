using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Workflows.Outbox;

/// <summary>
/// One outbox message in the notification log: its kind and recipient, <c>pending</c>, <c>sent</c> or <c>dead</c>, the
/// attempts made and the last reason given (why it waits, or why it died); the payload stays in the store.
/// </summary>
public sealed record Delivery(
    string Id,
    string Kind,
    string OrderingKey,
    string Status,
    int Attempts,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeadLetteredAt)
{
    public static Delivery Of(OutboxRow row) => new(
        row.Message.Id,
        row.Message.Kind,
        row.Message.OrderingKey,
        row.Status switch { OutboxStatus.Pending => "pending", OutboxStatus.Sent => "sent", _ => "dead" },
        row.Attempts,
        row.LastError,
        row.Message.CreatedAt,
        row.Status == OutboxStatus.Pending ? row.NextAttemptAt : null,
        row.DeadAt);
}

/// <summary>The recent deliveries for the coordinator and the auditor, newest first (design.md §5), beside the dead letters.</summary>
public sealed class DeliveryLog(IOutboxLog log, RoleResolver roles)
{
    public const int DefaultCount = 100;
    public const int MaxCount = 1000;

    private static readonly IReadOnlySet<Role> Readers = new HashSet<Role> { Role.Coordinator, Role.Auditor };

    public async Task<Outcome<IReadOnlyList<Delivery>>> ListAsync(Actor actor, int count, CancellationToken cancellationToken)
    {
        if (!(await roles.GlobalRolesAsync(actor, cancellationToken).ConfigureAwait(false)).Overlaps(Readers))
        {
            return Outcome<IReadOnlyList<Delivery>>.From(
                DomainError.Of(WorkflowErrorCodes.RoleMissing, ("action", "outbox.log.read"), ("roles", string.Join(", ", Readers.Select(r => r.Id())))));
        }

        var rows = await log.ReadRecentOutboxAsync(Math.Clamp(count, 1, MaxCount), cancellationToken).ConfigureAwait(false);
        return new Outcome<IReadOnlyList<Delivery>>.Done([.. rows.Select(Delivery.Of)]);
    }
}
