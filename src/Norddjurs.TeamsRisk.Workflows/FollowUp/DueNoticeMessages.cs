using System.Globalization;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.FollowUp;
using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.Workflows.FollowUp;

/// <summary>A due notice as a notification (template and the ids the card shows) and the audit action that records it.</summary>
public static class DueNoticeMessages
{
    public static string TemplateFor(NoticeReason reason) => reason switch
    {
        NoticeReason.OwnerReminder => NotificationTemplates.OwnerReminder,
        NoticeReason.OwnerOverdueEscalation => NotificationTemplates.OwnerOverdue,
        NoticeReason.CommitteeReviewOverdue => NotificationTemplates.CommitteeReviewOverdue,
        NoticeReason.DecisionOverdue => NotificationTemplates.DecisionOverdue,
        NoticeReason.MeasureReminder => NotificationTemplates.MeasureReminder,
        NoticeReason.MeasureOverdue => NotificationTemplates.MeasureOverdue,
        NoticeReason.AcceptanceExpired => NotificationTemplates.AcceptanceExpired,
        NoticeReason.ReassessmentDue => NotificationTemplates.ReassessmentDue,
        NoticeReason.DpfRecheckDue => NotificationTemplates.DpfRecheckDue,
        NoticeReason.MeasuresCompleted => NotificationTemplates.MeasuresCompleted,
        NoticeReason.LegalChange => NotificationTemplates.LegalChange,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>risk-method.md §5 names the overdue measure and the expiry; every other notice is a reminder sent.</summary>
    public static AuditAction AuditActionFor(NoticeReason reason) => reason switch
    {
        NoticeReason.MeasureOverdue => AuditAction.MeasureOverdueEscalated,
        NoticeReason.AcceptanceExpired => AuditAction.AcceptanceExpired,
        _ => AuditAction.ReminderSent,
    };

    public static Notification For(DueNotice notice, NotificationTarget to, string? assessmentId, FollowUpRecords records)
    {
        var data = new Dictionary<string, string>
        {
            ["noticeKey"] = notice.Key,
            ["systemId"] = notice.SystemId,
            ["deadline"] = notice.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (assessmentId is not null)
        {
            data["assessmentId"] = assessmentId;
        }

        if (notice.Subject.Type == NoticeSubjectType.Measure)
        {
            data["measureId"] = notice.Subject.Id;
            if (records.Measures.TryGetValue(notice.Subject.Id, out var measure))
            {
                data["measure"] = measure.Description;
            }
        }
        else if (notice.Subject.Type == NoticeSubjectType.RiskLine)
        {
            data["riskLineId"] = notice.Subject.Id;
        }
        else if (notice.Subject.Type is NoticeSubjectType.Escalation or NoticeSubjectType.Acceptance)
        {
            data["escalationId"] = notice.Subject.Id;
        }

        return new Notification(TemplateFor(notice.Reason), to, data);
    }
}
