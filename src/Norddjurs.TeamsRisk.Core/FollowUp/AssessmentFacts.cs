using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// What the due rules read of one assessment (design.md §3). Dates are days in Danish local time; the app maps
/// them from the store. Which fields matter depends on <see cref="State"/>.
/// </summary>
public sealed record AssessmentFacts
{
    public required string Id { get; init; }

    public required string SystemId { get; init; }

    public required AssessmentState State { get; init; }

    /// <summary>The day the owner was invited; the owner's window starts here.</summary>
    public required DateOnly InvitedOn { get; init; }

    /// <summary>
    /// The owner's deadline as the invitation set it (the round's deadline); null for records without one, whose
    /// window then runs <c>ownerAssessmentDays</c> from the invitation.
    /// </summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>The day the committee last returned it, if ever; the owner's window starts again here.</summary>
    public DateOnly? ReturnedOn { get; init; }

    /// <summary>The day of the latest submission; required while <see cref="State"/> is Submitted.</summary>
    public DateOnly? SubmittedOn { get; init; }

    /// <summary>One per above-appetite line once approved; read while <see cref="State"/> is Escalated.</summary>
    public IReadOnlyList<EscalationFacts> Escalations { get; init; } = [];
}

/// <summary>One escalated risk line: who must decide (the band's <c>decisionAuthority</c>) and since when.</summary>
public sealed record EscalationFacts(string Id, Role Authority, EscalationState State, DateOnly EscalatedOn);
