using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Register;

/// <summary>
/// One system as the register, the heatmap and the exports read it. <see cref="Current"/> is its latest approved
/// assessment (Approved, Escalated or Decided; design.md §3: the register shows the latest approved one as current);
/// <see cref="Open"/> its unfinished one, if any. <see cref="Scored"/> is what the headline and the matrix count: the
/// current assessment, or a submission still waiting for the committee when there is none yet.
/// </summary>
public sealed record RegisterEntry(
    CriticalSystem System,
    AssessmentRecord? Current,
    AssessmentRecord? Open,
    RiskMethod? ScoredMethod,
    DateOnly NextAssessmentDue)
{
    public AssessmentRecord? Scored => Current ?? (Open is { State: AssessmentState.Submitted } ? Open : null);

    /// <summary>What the status column shows: the work under way, else where the current assessment stands.</summary>
    public AssessmentRecord? Latest => Open ?? Current;
}
