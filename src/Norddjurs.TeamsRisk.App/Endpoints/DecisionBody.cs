using Norddjurs.TeamsRisk.Core.Workflow;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// <see cref="EscalationDecisionInput"/> as JSON, with the kind required: left out, the enum's first value would
/// silently endorse the owner's measures.
/// </summary>
internal sealed record DecisionBody(
    EscalationDecisionKind? Kind,
    string? Justification = null,
    DateOnly? AcceptedUntil = null,
    string? CaseNumber = null,
    string? MinutesReference = null,
    IReadOnlyDictionary<string, DateOnly>? ShortenedDeadlines = null,
    IReadOnlyList<RequiredMeasure>? RequiredMeasures = null)
{
    public EscalationDecisionInput ToInput() =>
        new(Kind ?? throw new InvalidOperationException("The kind is checked before."), Justification, AcceptedUntil, CaseNumber, MinutesReference, ShortenedDeadlines, RequiredMeasures);
}
