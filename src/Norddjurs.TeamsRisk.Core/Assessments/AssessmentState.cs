namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>The states of one assessment: one system in one round, or one trigger (design.md §3).</summary>
public enum AssessmentState
{
    Invited,
    InProgress,
    Submitted,
    Returned,
    Approved,
    Escalated,
    Decided,
    Cancelled,
    Superseded,
}

/// <summary>One above-appetite risk line waiting for, or holding, its authority's decision (design.md §3).</summary>
public enum EscalationState
{
    Pending,
    Decided,
}

/// <summary>
/// A measure's status (design.md §3, risk-method.md §5). Forsinket (overdue) is never stored: it is shown
/// when the deadline has passed and the measure is neither done nor cancelled.
/// </summary>
public enum MeasureStatus
{
    Planlagt,
    Igangsat,
    Gennemført,
    Forsinket,
    Annulleret,
}
