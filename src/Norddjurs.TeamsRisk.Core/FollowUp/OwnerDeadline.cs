using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// The owner's window (risk-method.md §3.4 time limits): until the deadline the invitation set (the round's), or
/// <c>ownerAssessmentDays</c> calendar days from the invitation when it set none, or from the latest return by the
/// committee; reminders before it closes; the owner's manager told <c>ownerOverdueEscalateAfterDays</c> days after.
/// </summary>
public static class OwnerDeadline
{
    /// <summary>The last day on which the owner submits on time.</summary>
    public static DateOnly For(AssessmentFacts assessment, Deadlines deadlines) =>
        assessment.ReturnedOn is null && assessment.Deadline is { } set
            ? set
            : WindowStart(assessment).AddDays(deadlines.OwnerAssessmentDays);

    /// <summary>Reminders and the overdue escalation due on or before <paramref name="today"/> while the owner holds the assessment.</summary>
    public static IEnumerable<DueNotice> Due(AssessmentFacts assessment, RiskMethod method, DateOnly today)
    {
        if (assessment.State is not (AssessmentState.Invited or AssessmentState.InProgress or AssessmentState.Returned))
        {
            return [];
        }

        var deadlines = method.Deadlines;
        var deadline = For(assessment, deadlines);
        var notices = new List<DueNotice>();
        if (Reminder(assessment, deadlines, deadline, today) is { } reminder)
        {
            notices.Add(reminder);
        }

        var afterDays = deadlines.OwnerOverdueEscalateAfterDays;
        var escalateOn = Overdue.StepDay(deadline, afterDays);
        if (escalateOn <= today)
        {
            notices.Add(Notice(NoticeReason.OwnerOverdueEscalation, assessment, Role.AreaManager, escalateOn, deadline, Overdue.StepId(afterDays)));
        }

        return notices;
    }

    private static DueNotice? Reminder(AssessmentFacts assessment, Deadlines deadlines, DateOnly deadline, DateOnly today) =>
        Reminders.Latest(deadlines.OwnerReminderDaysBefore, deadline, WindowStart(assessment), today) is { } days
            ? Notice(NoticeReason.OwnerReminder, assessment, Role.SystemOwner, deadline.AddDays(-days), deadline, Reminders.StepId(days))
            : null;

    private static DateOnly WindowStart(AssessmentFacts assessment) => assessment.ReturnedOn ?? assessment.InvitedOn;

    private static DueNotice Notice(NoticeReason reason, AssessmentFacts assessment, Role to, DateOnly dueOn, DateOnly deadline, string step) =>
        new(reason, new NoticeSubject(NoticeSubjectType.Assessment, assessment.Id), assessment.SystemId, NoticeRecipient.ForRole(to), dueOn, deadline, step);
}
