using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Workflows.Outbox;

/// <summary>A message the dispatcher gave up on (design.md §5), as the coordinator reads it; the payload stays in the store.</summary>
public sealed record DeadLetter(
    string Id,
    string Kind,
    string OrderingKey,
    int Attempts,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeadLetteredAt,
    long Version)
{
    public static DeadLetter Of(OutboxRow row) =>
        new(row.Message.Id, row.Message.Kind, row.Message.OrderingKey, row.Attempts, row.LastError, row.Message.CreatedAt, row.DeadAt, row.Version);
}

/// <summary>One page of dead letters, oldest first; pass <see cref="ContinuationToken"/> back to read on.</summary>
public sealed record DeadLetterPage(IReadOnlyList<DeadLetter> Items, string? ContinuationToken);

/// <summary>The requeued message and when the dispatcher may send it again.</summary>
public sealed record DeadLetterRequeued(string Id, DateTimeOffset DueAt);

/// <summary>
/// The coordinator's view of the dead letters (design.md §5): the coordinator and the auditor read them; only the
/// coordinator puts one back to be sent again, which is audited (who, which message, why it had died) in the same
/// change as the requeue, and answers a replay of the same request as the first time (§2.2).
/// </summary>
public sealed class DeadLetters(UseCaseServices services)
{
    public const int DefaultPageSize = 50;

    private static readonly IReadOnlySet<Role> Readers = new HashSet<Role> { Role.Coordinator, Role.Auditor };
    private static readonly IReadOnlySet<Role> Requeuers = new HashSet<Role> { Role.Coordinator };

    /// <summary>One page; a continuation token the store did not issue throws <see cref="ArgumentException"/> (the caller's input).</summary>
    public async Task<Outcome<DeadLetterPage>> ListAsync(Actor actor, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!(await services.Roles.GlobalRolesAsync(actor, cancellationToken).ConfigureAwait(false)).Overlaps(Readers))
        {
            return Outcome<DeadLetterPage>.From(Refused("outbox.dead_letters.read", Readers));
        }

        var page = await services.Store.ReadDeadLettersAsync(Math.Clamp(pageSize, 1, OutboxPage.MaxPageSize), continuationToken, cancellationToken)
            .ConfigureAwait(false);
        return new Outcome<DeadLetterPage>.Done(new DeadLetterPage([.. page.Rows.Select(DeadLetter.Of)], page.ContinuationToken));
    }

    /// <summary>Back to pending with attempts reset, due now. Unknown id: not found; a row that is not dead (any more): conflict.</summary>
    public async Task<Outcome<DeadLetterRequeued>> RequeueAsync(Request request, string messageId, CancellationToken cancellationToken)
    {
        if (await Replays.FindAsync<DeadLetterRequeued>(services.Store, request.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } replay)
        {
            return replay;
        }

        var roles = await services.Roles.GlobalRolesAsync(request.Actor, cancellationToken).ConfigureAwait(false);
        if (!roles.Overlaps(Requeuers))
        {
            return Outcome<DeadLetterRequeued>.From(Refused("outbox.dead_letters.requeue", Requeuers));
        }

        var row = await services.Store.GetOutboxRowAsync(messageId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return new Outcome<DeadLetterRequeued>.NotFound();
        }

        if (row.Status != OutboxStatus.Dead)
        {
            return new Outcome<DeadLetterRequeued>.Conflict();
        }

        var actor = await Actors.DescribeAsync(services.Directory, request.Actor, Requeuers, cancellationToken).ConfigureAwait(false);
        var now = services.Now;
        var change = new ChangeSet(request, actor, now).Audit(
            AuditAction.OutboxMessageRequeued,
            new AuditSubject("outboxMessage", row.Message.Id),
            inputs: new JsonObject { ["kind"] = row.Message.Kind, ["orderingKey"] = row.Message.OrderingKey },
            before: new JsonObject { ["status"] = "dead", ["attempts"] = row.Attempts, ["reason"] = row.LastError, ["deadLetteredAt"] = row.DeadAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
            after: new JsonObject { ["status"] = "pending", ["attempts"] = 0 });
        return await change.CommitAsync(
            (storeChange, ct) => services.Store.RequeueDeadLetterAsync(row.Message.Id, row.Version, now, storeChange, ct),
            new DeadLetterRequeued(row.Message.Id, now),
            cancellationToken).ConfigureAwait(false);
    }

    private static DomainError Refused(string action, IReadOnlySet<Role> roles) =>
        DomainError.Of(WorkflowErrorCodes.RoleMissing, ("action", action), ("roles", string.Join(", ", roles.Select(r => r.Id()))));
}
