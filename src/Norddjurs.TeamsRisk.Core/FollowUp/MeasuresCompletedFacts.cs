using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// One risk line with at least one completed measure: whether any of its measures is still open, the last day one
/// was completed, and the state of the assessment that holds the line (design.md §3).
/// </summary>
public sealed record MeasuresCompletedFacts(
    string AssessmentId, string EventId, string SystemId, AssessmentState AssessmentState, bool AnyMeasureOpen, DateOnly LastCompletedOn);

/// <summary>
/// <c>measureCompleted</c> (risk-method.md §2.3): when every measure on a risk is done (cancelled ones aside), the
/// system is reassessed so the residual is scored in a new assessment; the old one stays as it was (§3.5 rule 8).
/// </summary>
public static class MeasuresCompleted
{
    public static IEnumerable<DueNotice> Due(MeasuresCompletedFacts line, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.AnyMeasureOpen || line.AssessmentState is AssessmentState.Superseded or AssessmentState.Cancelled || line.LastCompletedOn > today)
        {
            return [];
        }

        return [new DueNotice(
            NoticeReason.MeasuresCompleted,
            new NoticeSubject(NoticeSubjectType.RiskLine, $"{line.AssessmentId}:{line.EventId}"),
            line.SystemId,
            NoticeRecipient.ForRole(Role.System),
            line.LastCompletedOn,
            line.LastCompletedOn)];
    }
}
