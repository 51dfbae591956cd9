namespace Norddjurs.TeamsRisk.Core.Workflow;

/// <summary>
/// One above-appetite risk line waiting for, or holding, the decision of its band's authority (design.md §3).
/// The id is derived from the assessment and the event, so re-running an approval creates nothing twice.
/// </summary>
public sealed record Escalation(
    string Id,
    string AssessmentId,
    string EventId,
    string BandId,
    Role Authority,
    string Recommendation,
    string? ComplianceGap,
    Assessments.EscalationState State = Assessments.EscalationState.Pending,
    EscalationDecision? Decision = null)
{
    public static string IdFor(string assessmentId, string eventId) => $"{assessmentId}:{eventId}";
}

public enum EscalationDecisionKind
{
    /// <summary>The owner's measures bind; deadlines may only be shortened.</summary>
    EndorseMeasures,

    /// <summary>Other measures are required, each with its deadline.</summary>
    RequireMeasures,

    /// <summary>The risk is accepted until an end date within the band's <c>acceptanceMaxMonths</c>.</summary>
    Accept,
}

/// <summary>What the authority decided, by whom and when (risk-method.md §5: the audit entry carries it too).</summary>
public sealed record EscalationDecision(
    EscalationDecisionKind Kind,
    string DecidedByObjectId,
    Role DecidedAs,
    DateTimeOffset DecidedAt,
    string? Justification,
    DateOnly? AcceptedUntil,
    string? CaseNumber,
    string? MinutesReference,
    IReadOnlyDictionary<string, DateOnly> ShortenedDeadlines,
    IReadOnlyList<RequiredMeasure> RequiredMeasures);

public sealed record RequiredMeasure(string Description, string ResponsibleObjectId, DateOnly Deadline);

/// <summary>The authority's input before it is checked.</summary>
public sealed record EscalationDecisionInput(
    EscalationDecisionKind Kind,
    string? Justification = null,
    DateOnly? AcceptedUntil = null,
    string? CaseNumber = null,
    string? MinutesReference = null,
    IReadOnlyDictionary<string, DateOnly>? ShortenedDeadlines = null,
    IReadOnlyList<RequiredMeasure>? RequiredMeasures = null);
