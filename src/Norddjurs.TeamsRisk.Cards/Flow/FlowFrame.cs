using Norddjurs.TeamsRisk.Cards.Actions;

namespace Norddjurs.TeamsRisk.Cards.Flow;

/// <summary>
/// What every step card shares: which assessment and step, the progress ("trin 4 af 12"), the allowed moves, the
/// stamp for stale-card detection, the errors of the last refused move, and the users whose card refreshes itself
/// (Teams MRIs, at most 60; empty for no refresh).
/// </summary>
public sealed record FlowFrame(string AssessmentId, string SystemName, CardStep Step, string Stamp)
{
    public int Position { get; init; } = 1;

    public int Count { get; init; } = 1;

    public bool CanGoBack { get; init; }

    public bool CanGoNext { get; init; } = true;

    /// <summary>The step was reached from the summary: Next returns there, so the button says so.</summary>
    public bool ReturnsToSummary { get; init; }

    public IReadOnlyList<CardFieldError> Errors { get; init; } = [];

    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];

    public CardActionData Action(string verb) => new(verb) { AssessmentId = AssessmentId, Step = Step, Stamp = Stamp };
}
