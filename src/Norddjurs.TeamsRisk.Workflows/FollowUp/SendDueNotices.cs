using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.FollowUp;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Reassessing;

namespace Norddjurs.TeamsRisk.Workflows.FollowUp;

/// <param name="MaxPerRun">At most this many notices are committed per run; the rest wait for the next run.</param>
/// <param name="LookbackDays">
/// A notice first due more than this many days ago is no longer sent. Keep it below the applied-change retention:
/// the idempotency record that marks a notice as sent must outlive the days the rules still return it.
/// </param>
public sealed record DueNoticeLimits(int MaxPerRun = 200, int LookbackDays = 7);

/// <summary>What one run did: notices sent now, found already sent (earlier, or by another instance), and left for the next run.</summary>
public sealed record DueNoticeRun(DateOnly Today, int Due, int Sent, int AlreadySent, int Deferred);

/// <summary>
/// The follow-up job's one step (design.md §7): read the facts, run the due rules for today in Denmark, and send each
/// notice not yet sent as its own change — the notification and an audit entry — under an idempotency key derived
/// from the notice key. The store applies a key once, so a notice goes out once across runs, restarts and
/// instances: a second instance racing for the same notice gets a replay and sends nothing.
/// </summary>
public sealed class SendDueNotices(UseCaseServices services)
{
    public const string KeyPrefix = "followup:";

    public static string IdempotencyKeyFor(DueNotice notice) => KeyPrefix + notice.Key;

    public async Task<DueNoticeRun> RunAsync(DueNoticeLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var today = services.Today;
        if (!services.Methods.HasActive)
        {
            return new DueNoticeRun(today, 0, 0, 0, 0);
        }

        var records = await FollowUpFactsReader.ReadAsync(services.Store, cancellationToken).ConfigureAwait(false);
        var oldest = today.AddDays(-limits.LookbackDays);
        var due = DueRules.Evaluate(records.Facts, services.Methods.ActiveMethod, today).Where(n => n.DueOn >= oldest).ToList();
        var recipients = new NoticeRecipients(services.Directory, records);
        int sent = 0, alreadySent = 0, attempted = 0;
        foreach (var notice in due)
        {
            var key = IdempotencyKeyFor(notice);
            if (await services.Store.FindAppliedChangeAsync(key, cancellationToken).ConfigureAwait(false) is not null)
            {
                alreadySent++;
                continue;
            }

            if (attempted == limits.MaxPerRun)
            {
                break;
            }

            attempted++;
            var target = await recipients.ResolveAsync(notice, cancellationToken).ConfigureAwait(false);
            var change = await ChangeAsync(notice, key, target, records, cancellationToken).ConfigureAwait(false);
            var outcome = await change.CommitAsync(services.Store, notice.Key, cancellationToken).ConfigureAwait(false);
            if (outcome is Outcome<string>.Done { Replayed: false })
            {
                sent++;
            }
            else
            {
                alreadySent++;
            }
        }

        return new DueNoticeRun(today, due.Count, sent, alreadySent, due.Count - sent - alreadySent);
    }

    /// <summary>
    /// The notice, and for a notice that fires a reassessment trigger (risk-method.md §2.3) the ad-hoc assessment with
    /// its invitation, or the trigger noted on the system's open assessment — in the same change, so the notice key
    /// that marks it sent also marks the trigger fired, once across runs, restarts and instances.
    /// </summary>
    private async Task<ChangeSet> ChangeAsync(DueNotice notice, string key, NotificationTarget target, FollowUpRecords records, CancellationToken cancellationToken)
    {
        var request = new Request(new Actor("system", "system", "Norddjurs.TeamsRisk", new HashSet<string>()), key, AuditChannel.Scheduler);
        var assessmentId = NoticeAssessment.IdOf(notice, records);
        var context = assessmentId is not null && records.Assessments.TryGetValue(assessmentId, out var record)
            ? AuditContexts.For(record.Assessment, record.SystemId)
            : new AuditContext { SystemId = notice.SystemId };
        var notification = DueNoticeMessages.For(notice, target, assessmentId, records);
        var change = new ChangeSet(request, Actors.System, services.Now);
        if (notice.Reason.Trigger() is { } trigger && records.Systems.TryGetValue(notice.SystemId, out var system))
        {
            // Nobody to invite (owner unknown) leaves the coordinator's notice as the only effect: they start it by hand.
            var reassessment = await Reassessment.AddAsync(services, change, key, system, trigger, notice.Key, cancellationToken).ConfigureAwait(false);
            if (reassessment.IsSuccess)
            {
                notification = notification with
                {
                    Data = new Dictionary<string, string>(notification.Data)
                    {
                        ["reassessmentId"] = reassessment.Value.AssessmentId,
                        ["reassessmentStarted"] = reassessment.Value.Started ? "true" : "false",
                    },
                };
            }
        }

        return change
            .Notify(notification)
            .Audit(DueNoticeMessages.AuditActionFor(notice.Reason), new AuditSubject(notice.Subject.Type.Id(), notice.Subject.Id), context,
                computed: new JsonObject
                {
                    ["noticeKey"] = notice.Key,
                    ["reason"] = notice.Reason.Id(),
                    ["template"] = notification.Template,
                    ["to"] = target.OrderingKey,
                    ["dueOn"] = notice.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["deadline"] = notice.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                });
    }
}
