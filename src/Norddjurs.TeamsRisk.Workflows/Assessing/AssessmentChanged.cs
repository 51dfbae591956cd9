using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>What a transition answers: the assessment's new state (a replay answers the same).</summary>
public sealed record AssessmentChanged(string AssessmentId, AssessmentState State);
