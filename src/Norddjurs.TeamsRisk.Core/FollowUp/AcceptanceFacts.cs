using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// One accepted risk with an end date (design.md §3), and the state of the assessment that holds it: once a
/// newer assessment has superseded that one, the acceptance no longer applies and nothing more is due for it.
/// </summary>
public sealed record AcceptanceFacts(string Id, string SystemId, AssessmentState AssessmentState, DateOnly EndsOn);
