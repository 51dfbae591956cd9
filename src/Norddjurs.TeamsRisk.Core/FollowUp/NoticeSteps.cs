using System.Globalization;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>Reminders before a calendar-day deadline, and the step ids that tell them apart in a notice key.</summary>
internal static class Reminders
{
    /// <summary>
    /// Which reminder is due: only the latest that has come, and only until the deadline has passed. A reminder the
    /// job missed is stale once a nearer one is due and says nothing useful after the deadline. A reminder that would
    /// fall on or before <paramref name="notBefore"/> (the invitation) is dropped: that message carries the deadline.
    /// </summary>
    public static int? Latest(IEnumerable<int> daysBefore, DateOnly deadline, DateOnly? notBefore, DateOnly today)
    {
        if (today > deadline)
        {
            return null;
        }

        foreach (var days in daysBefore.Where(d => d >= 0).Distinct().Order())
        {
            var on = deadline.AddDays(-days);
            if (on <= today && (notBefore is null || on > notBefore))
            {
                return days;
            }
        }

        return null;
    }

    public static string StepId(int daysBefore) => string.Create(CultureInfo.InvariantCulture, $"before-{daysBefore}d");
}

/// <summary>
/// Overdue steps after a calendar-day deadline. A step of N days is due when the work is overdue (the deadline
/// has passed) and N days have gone by since the deadline: "after 0 days" is the first day after the deadline
/// ("at once", risk-method.md §3.4), "after 5 days" is the deadline plus 5.
/// </summary>
internal static class Overdue
{
    public static DateOnly StepDay(DateOnly deadline, int afterDays) => deadline.AddDays(Math.Max(1, afterDays));

    public static string StepId(int afterDays) => string.Create(CultureInfo.InvariantCulture, $"after-{afterDays}d");

    public static string StepId(int afterDays, Role to) => StepId(afterDays) + "-" + to.Id();
}
