using System.Globalization;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// A notice that is due: why, about what, for which system, to whom, from which day, and for which deadline.
/// <see cref="Key"/> names the notice by (reason, subject, period) and is the same every time the rules find it
/// again, so the caller sends it once across restarts and instances (design.md §7).
/// </summary>
/// <param name="DueOn">The first day the notice is due; the rules keep returning it while it stays relevant.</param>
/// <param name="Deadline">The deadline or date the notice is about (an end date, a 12-month due date…); the period.</param>
/// <param name="Step">Tells apart the notices of one period, e.g. <c>before-7d</c> or <c>after-30d-committee</c>.</param>
public sealed record DueNotice(
    NoticeReason Reason,
    NoticeSubject Subject,
    string SystemId,
    NoticeRecipient Recipient,
    DateOnly DueOn,
    DateOnly Deadline,
    string? Step = null)
{
    /// <summary>E.g. <c>owner-reminder:assessment:A-17:2026-03-02:before-7d</c>. Ids are escaped, so no id can forge another key.</summary>
    public string Key
    {
        get
        {
            var key = string.Join(
                ':',
                Reason.Id(),
                Subject.Type.Id(),
                Uri.EscapeDataString(Subject.Id),
                Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return Step is null ? key : key + ":" + Step;
        }
    }
}
