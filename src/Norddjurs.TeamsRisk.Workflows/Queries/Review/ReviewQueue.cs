using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Workflow;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Review;

/// <summary>A line the committee must write a recommendation for (design.md §3: each above-appetite line).</summary>
public sealed record ReviewLine(string EventId, LocalizedText EventName, int Points, Band Band, string? Treatment, string? Justification);

/// <summary>A submission waiting for the committee, with the last day of its review (risk-method.md §3.4).</summary>
public sealed record WaitingSubmission(
    string AssessmentId,
    string SystemId,
    string SystemName,
    string? OwnerName,
    DateOnly? SubmittedOn,
    DateOnly? ReviewDeadline,
    Band? Headline,
    IReadOnlyList<ReviewLine> AboveAppetite);

/// <summary>An escalation waiting for its authority's decision, with the decision's last working day.</summary>
public sealed record WaitingEscalation(
    string EscalationId,
    string AssessmentId,
    string SystemName,
    string EventId,
    LocalizedText EventName,
    Band Band,
    Role Authority,
    string Recommendation,
    DateOnly? Deadline);

public sealed record ReviewQueue(IReadOnlyList<WaitingSubmission> Submissions, IReadOnlyList<WaitingEscalation> Escalations);
