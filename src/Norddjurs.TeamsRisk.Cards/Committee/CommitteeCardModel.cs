using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Cards.Committee;

/// <summary>How the committee's card shows for whoever sees it (teams-bot-protocol.md §4.3, user-specific views).</summary>
public enum CommitteeCardMode
{
    /// <summary>The posted card and everyone's view: the submission, a refresh, and a button a member uses where refresh is missing.</summary>
    ReadOnly,

    /// <summary>A committee member's view while the submission waits: recommendation inputs, a comment, Approve and Return.</summary>
    Actionable,

    /// <summary>After the decision, for everyone: who decided, when, and what they wrote.</summary>
    Decided,
}

/// <summary>
/// A submission as the committee reviews it (risk-method.md §2.1 step 8): the system, owner and round, the lines highest
/// first with their bands, the headline, the flags and the owner's treatment of each line.
/// </summary>
public sealed record CommitteeCardModel(
    string AssessmentId,
    string System,
    string Owner,
    string? Round,
    DateOnly? SubmittedOn,
    IReadOnlyList<CommitteeCardLine> Lines,
    CardHeadline Headline,
    AssessmentFlags Flags,
    CommitteeCardMode Mode)
{
    /// <summary>The record's version the card was built from; an action from an older card is refused as stale.</summary>
    public string? Stamp { get; init; }

    public CommitteeCardDecision? Decision { get; init; }

    /// <summary>A message for the whole card (stale, conflict, only members may decide).</summary>
    public string? Notice { get; init; }

    /// <summary>Errors next to their inputs (<see cref="Actions.CardInputIds.Recommendation"/>, <see cref="Actions.CardInputIds.ReturnComment"/>).</summary>
    public IReadOnlyList<CardFieldError> Errors { get; init; } = [];

    /// <summary>What a member typed, shown again with the errors so nothing is lost.</summary>
    public IReadOnlyDictionary<string, string> Typed { get; init; } = new Dictionary<string, string>();

    /// <summary>The Teams ids (<c>29:…</c>, at most 60) whose clients fetch their own view when the card is shown.</summary>
    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];
}

/// <summary>One risk line. <see cref="NeedsRecommendation"/>: above the appetite, or its band's rule asks for one.</summary>
public sealed record CommitteeCardLine(
    string EventId,
    string EventName,
    CardScore Score,
    bool NeedsRecommendation,
    CommitteeCardTreatment? Treatment,
    string? Recommendation);

/// <summary>The owner's proposal for a line (risk-method.md §3.4): the kind, the reason, the measures and the residual they aim for.</summary>
public sealed record CommitteeCardTreatment(TreatmentKind Kind, string? Justification, IReadOnlyList<CommitteeCardMeasure> Measures, CardScore? Residual);

/// <summary>A planned measure with its deadline, or an interim measure (no deadline: at once).</summary>
public sealed record CommitteeCardMeasure(string Description, DateOnly? Deadline);

/// <summary>The committee's decision as the card shows it to everyone.</summary>
public sealed record CommitteeCardDecision(bool Approved, string? ByName, DateOnly On, string? Comment);
