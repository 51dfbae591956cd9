using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Workflow;

namespace Norddjurs.TeamsRisk.Cards.Escalation;

/// <summary>How the decision card shows for whoever sees it.</summary>
public enum EscalationCardMode
{
    /// <summary>The authority's (or a higher rank's) view while the escalation waits: the three decisions and their inputs.</summary>
    Actionable,

    /// <summary>Someone who may not decide, while it waits: the risk and the proposal, no actions.</summary>
    ReadOnly,

    /// <summary>After the decision, for everyone: what was decided, by whom and when.</summary>
    Decided,
}

/// <summary>
/// One above-appetite line as its band's authority decides it (design.md §3; risk-method.md §3.4): the risk, the
/// owner's proposal, the committee's recommendation, and — while it waits — endorse, require other measures or accept.
/// </summary>
public sealed record EscalationCardModel(
    string EscalationId,
    string AssessmentId,
    string System,
    string Owner,
    string EventName,
    CardScore Score,
    CardBand Appetite,
    string AuthorityLabel,
    EscalationCardProposal? Proposal,
    string Recommendation,
    EscalationCardMode Mode)
{
    /// <summary>The escalation's stored version; an action from an older card is refused as stale.</summary>
    public string? Stamp { get; init; }

    /// <summary>A compliance gap (risk-method.md §7) is never accepted: the card offers no acceptance.</summary>
    public string? ComplianceGap { get; init; }

    /// <summary>The band's longest acceptance, and the latest end date it allows from today.</summary>
    public int AcceptanceMaxMonths { get; init; }

    public DateOnly? LatestAcceptanceEnd { get; init; }

    public DateOnly? Today { get; init; }

    public EscalationCardDecision? Decision { get; init; }

    public string? Notice { get; init; }

    public IReadOnlyList<CardFieldError> Errors { get; init; } = [];

    public IReadOnlyDictionary<string, string> Typed { get; init; } = new Dictionary<string, string>();
}

/// <summary>The owner's proposal: the kind, the reason, the measures and the residual they aim for.</summary>
public sealed record EscalationCardProposal(TreatmentKind Kind, string? Justification, IReadOnlyList<EscalationCardMeasure> Measures, CardScore? Residual);

/// <summary>A planned measure (with its id, for a shortened deadline) or an interim one (no id, no deadline: at once).</summary>
public sealed record EscalationCardMeasure(string? Id, string Description, string Responsible, DateOnly? Deadline);

/// <summary>The decision as the card shows it.</summary>
public sealed record EscalationCardDecision(
    EscalationDecisionKind Kind,
    string? ByName,
    DateOnly On,
    string? Justification,
    DateOnly? AcceptedUntil,
    string? CaseNumber,
    string? MinutesReference,
    IReadOnlyList<EscalationCardMeasure> RequiredMeasures);
