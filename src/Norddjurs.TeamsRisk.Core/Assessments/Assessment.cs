using Norddjurs.TeamsRisk.Core.Catalogue;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>
/// One system in one round, or one trigger: what the owner has confirmed, selected, scored and proposed
/// so far. Immutable; each step returns a new value. The method and catalogue it was started with are pinned.
/// </summary>
public sealed record Assessment
{
    public required string Id { get; init; }

    public required AssessmentState State { get; init; }

    public required PinnedVersion Method { get; init; }

    public required PinnedVersion Catalogue { get; init; }

    public required SystemFacts Facts { get; init; }

    public string? RoundId { get; init; }

    /// <summary>The reassessment trigger (risk-method.md §2.3) for an ad-hoc assessment; null in a round.</summary>
    public string? Trigger { get; init; }

    /// <summary>The assessment this one corrects or follows (§3.5 rule 8: a correction is a new version).</summary>
    public string? PreviousAssessmentId { get; init; }

    public bool FactsConfirmed { get; init; }

    public ProfileValue? Confidentiality { get; init; }

    public ProfileValue? Integrity { get; init; }

    /// <summary>Whether the event step has been completed (pre-selection accepted or changed).</summary>
    public bool EventsChosen { get; init; }

    public IReadOnlyList<EventChoice> Events { get; init; } = [];

    public IReadOnlyList<CatalogueEvent> CustomEvents { get; init; } = [];

    public IReadOnlyList<RiskLine> Lines { get; init; } = [];

    public IReadOnlyList<EventChoice> SelectedEvents => Events.Where(e => e.Selected).ToList();

    public RiskLine? Line(string eventId) => Lines.FirstOrDefault(l => l.EventId == eventId);

    public bool IsEditable => State is AssessmentState.InProgress;
}

/// <summary>The id, version and canonical hash of the method or catalogue an assessment pins (risk-method.md §3.8).</summary>
public sealed record PinnedVersion(string Id, string Version, string Sha256);

/// <summary>C or I for the system: what the record suggests and what the owner chose (risk-method.md §3.2).</summary>
public sealed record ProfileValue(int Suggested, int Value, string? Reason)
{
    public ProfileSource Source => Value == Suggested ? ProfileSource.Confirmed : Value < Suggested ? ProfileSource.Lowered : ProfileSource.Raised;
}

public enum ProfileSource
{
    Confirmed,
    Lowered,
    Raised,
}

/// <summary>Why an event is on the list, and whether the owner kept it (risk-method.md §2.1 step 4, §3.5 rule 6).</summary>
public sealed record EventChoice(string EventId, EventOrigin Origin, bool Selected, string? DeselectionReason = null);

public enum EventOrigin
{
    Baseline,
    Suggested,
    AddedByOwner,
    Custom,
}
