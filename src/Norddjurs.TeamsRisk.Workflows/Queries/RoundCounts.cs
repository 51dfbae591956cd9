using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Workflows.Queries;

/// <summary>
/// How far a set of a round's assessments has come. Cancelled ones count only as cancelled; a returned one is opened
/// but no longer submitted; overdue means not submitted and past its deadline (Danish calendar day).
/// </summary>
internal sealed record RoundCounts(int Invited, int Opened, int Submitted, int Overdue, int Cancelled)
{
    public static RoundCounts Of(IReadOnlyCollection<AssessmentRecord> records, DateOnly roundDeadline, DateOnly today)
    {
        var live = records.Where(r => r.State != AssessmentState.Cancelled).ToList();
        return new RoundCounts(
            live.Count,
            live.Count(r => r.State != AssessmentState.Invited),
            live.Count(r => RoundProgressQuery.IsSubmitted(r.State)),
            live.Count(r => !RoundProgressQuery.IsSubmitted(r.State) && (r.Deadline ?? roundDeadline) < today),
            records.Count - live.Count);
    }
}
