using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.FollowUp;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.FollowUp;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Rounds;

/// <summary>The invitations to remind: their assessment ids, or none for every one not yet submitted.</summary>
public sealed record RemindInput(IReadOnlyList<string>? AssessmentIds = null);

/// <summary>What a reminder request did: the assessments whose owners were reminded, and how many people that is.</summary>
public sealed record RemindersSent(string RoundId, IReadOnlyList<string> AssessmentIds, int Owners);

/// <summary>
/// The coordinator reminds the owners of a round who have not submitted (risk-method.md §2.1 step 10), all of them or
/// the chosen ones: per assessment the same owner-reminder notice as the follow-up job sends (template, data, Teams then
/// mail), each with its <c>ReminderSent</c> audit entry, in one change under the request's key — so a retried click
/// reminds nobody twice. A finished round, or a chosen owner who has submitted, refuses the request and sends nothing.
/// </summary>
public sealed class RemindRound(UseCaseServices services)
{
    private static readonly IReadOnlySet<Role> Reminders = new HashSet<Role> { Role.Coordinator };

    public async Task<Outcome<RemindersSent>> HandleAsync(Request request, string roundId, RemindInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        if (await Replays.FindAsync<RemindersSent>(services.Store, request.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } replayed)
        {
            return replayed;
        }

        var roles = await services.Roles.GlobalRolesAsync(request.Actor, cancellationToken).ConfigureAwait(false);
        if (!roles.Overlaps(Reminders))
        {
            return Outcome<RemindersSent>.From(DomainError.Of(WorkflowErrorCodes.RoleMissing, ("action", "round.remind"), ("roles", Role.Coordinator.Id())));
        }

        var round = await services.Store.LoadAsync<RoundRecord>(DocumentKinds.Round, roundId, cancellationToken).ConfigureAwait(false);
        if (round is null)
        {
            return new Outcome<RemindersSent>.NotFound();
        }

        var records = (await services.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "roundId", roundId, cancellationToken).ConfigureAwait(false))
            .Select(a => a.Value)
            .ToDictionary(a => a.Id, StringComparer.Ordinal);
        var chosen = RoundReminders.Choose([.. records.Values.Select(r => new RoundInvitation(r.Id, r.SystemId, r.State))], input.AssessmentIds);
        if (!chosen.IsSuccess)
        {
            return Outcome<RemindersSent>.From(chosen.Errors);
        }

        var actor = await Actors.DescribeAsync(services.Directory, request.Actor, roles, cancellationToken).ConfigureAwait(false);
        var change = new ChangeSet(request, actor, services.Now);
        var reminded = chosen.Value.OrderBy(i => i.SystemId, StringComparer.Ordinal).Select(i => records[i.AssessmentId]).ToList();
        foreach (var record in reminded)
        {
            Remind(change, record, round.Value, request.IdempotencyKey);
        }

        var owners = reminded.Select(r => r.OwnerObjectId).Distinct(EntraIds.Comparer).Count();
        return await change.CommitAsync(services.Store, new RemindersSent(roundId, [.. reminded.Select(r => r.Id)], owners), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The follow-up job's owner reminder, keyed by this request instead of a due day.</summary>
    private void Remind(ChangeSet change, AssessmentRecord record, RoundRecord round, string requestKey)
    {
        var deadline = OwnerDeadlineOf(record, round);
        var noticeKey = $"{NoticeReason.OwnerReminder.Id()}:{record.Id}:{StableIds.From("coordinator", requestKey)}";
        var to = NotificationTarget.User(record.OwnerObjectId);
        var notification = new Notification(NotificationTemplates.OwnerReminder, to, new Dictionary<string, string>
        {
            ["noticeKey"] = noticeKey,
            ["systemId"] = record.SystemId,
            ["assessmentId"] = record.Id,
            ["deadline"] = Iso(deadline),
        });
        change.Notify(notification)
            .Audit(AuditAction.ReminderSent, AuditContexts.Subject(record.Assessment), AuditContexts.For(record.Assessment, record.SystemId),
                computed: new JsonObject
                {
                    ["noticeKey"] = noticeKey,
                    ["reason"] = NoticeReason.OwnerReminder.Id(),
                    ["template"] = notification.Template,
                    ["to"] = to.OrderingKey,
                    ["deadline"] = Iso(deadline),
                    ["byCoordinator"] = true,
                });
    }

    /// <summary>The deadline the automatic reminders count to (the round's, or the window after a return).</summary>
    private DateOnly OwnerDeadlineOf(AssessmentRecord record, RoundRecord round) =>
        services.Methods.HasActive && FollowUpFactsReader.FactsOf(record) is { } facts
            ? OwnerDeadline.For(facts, services.Methods.ActiveMethod.Deadlines)
            : record.Deadline ?? round.Deadline;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
