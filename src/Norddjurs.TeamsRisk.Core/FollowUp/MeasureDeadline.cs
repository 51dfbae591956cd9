using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// A measure's reminder <c>measureReminderDaysBefore</c> days before its deadline to the person responsible, and
/// its overdue steps (<c>measureOverdueEscalation</c>: the area manager at once, the committee after 30 days;
/// risk-method.md §3.4). A measure done or cancelled has nothing due.
/// </summary>
public static class MeasureDeadline
{
    public static bool IsOpen(MeasureFacts measure) =>
        measure.Status is not (MeasureStatus.Gennemført or MeasureStatus.Annulleret);

    /// <summary>Forsinket as design.md §3 shows it: the deadline has passed and the measure is still open.</summary>
    public static bool IsOverdue(MeasureFacts measure, DateOnly today) => IsOpen(measure) && today > measure.Deadline;

    public static IEnumerable<DueNotice> Due(MeasureFacts measure, RiskMethod method, DateOnly today)
    {
        if (!IsOpen(measure))
        {
            return [];
        }

        var deadlines = method.Deadlines;
        var notices = new List<DueNotice>();
        if (Reminders.Latest([deadlines.MeasureReminderDaysBefore], measure.Deadline, null, today) is { } days)
        {
            notices.Add(Notice(
                NoticeReason.MeasureReminder, measure, NoticeRecipient.Person(measure.ResponsibleObjectId), measure.Deadline.AddDays(-days), Reminders.StepId(days)));
        }

        foreach (var step in deadlines.MeasureOverdueEscalation)
        {
            var dueOn = Overdue.StepDay(measure.Deadline, step.AfterDays);
            if (dueOn <= today)
            {
                notices.Add(Notice(NoticeReason.MeasureOverdue, measure, NoticeRecipient.ForRole(step.To), dueOn, Overdue.StepId(step.AfterDays, step.To)));
            }
        }

        return notices;
    }

    private static DueNotice Notice(NoticeReason reason, MeasureFacts measure, NoticeRecipient to, DateOnly dueOn, string step) =>
        new(reason, new NoticeSubject(NoticeSubjectType.Measure, measure.Id), measure.SystemId, to, dueOn, measure.Deadline, step);
}
