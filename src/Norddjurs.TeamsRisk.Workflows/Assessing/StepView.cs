using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>
/// What a renderer needs to show one step (design.md §8), the same for the bot's cards and the tab's pages.
/// Method and catalogue texts are already in <see cref="Language"/>; numbers and dates are values for the renderer
/// to format (design.md §9). Titles and button labels are the renderer's own, keyed on <see cref="Kind"/>.
/// </summary>
public abstract record StepView
{
    public FlowStep Step { get; init; } = FlowStep.Facts;

    public FlowStepKind Kind => Step.Kind;

    /// <summary>1-based position of the step in the flow ("trin 4 af 12").</summary>
    public int Position { get; init; }

    public int Count { get; init; }

    public AllowedMoves Moves { get; init; } = AllowedMoves.None;

    /// <summary>The step was reached by a jump from the summary: Next and Back return there.</summary>
    public bool ReturnsToSummary { get; init; }

    public Language Language { get; init; }

    /// <summary>Why the last move was refused, every error with its field and message; empty when it was accepted.</summary>
    public IReadOnlyList<FlowError> Errors { get; init; } = [];
}

/// <summary>The moves a renderer may offer on the step. A jump is offered only on the summary (see its jump targets).</summary>
public sealed record AllowedMoves(bool Next, bool Back, bool JumpTo)
{
    public static AllowedMoves None { get; } = new(false, false, false);
}

public sealed record BandView(string Id, int Order, string Label, string Color, string TextColor);

public sealed record DimensionView(Dimension Dimension, string Id, string Label);

/// <summary>A level with its label, for results ("4 Meget alvorlig").</summary>
public sealed record LevelView(int Value, string Label);

public sealed record LikelihoodLevelView(int Value, string Label, string Anchor, string Guidance);

/// <summary>A consequence level with both views of it (risk-method.md D6: take the higher).</summary>
public sealed record ConsequenceLevelView(int Value, string Label, string Citizens, string Municipality);

/// <summary>An event as the owner reads it; custom events have no group and carry the owner's own text.</summary>
public sealed record EventView(string Id, string Name, string Description, string? GroupId, string? GroupLabel, IReadOnlyList<DimensionView> Cia, bool Custom);

/// <summary>Points = likelihood × consequence, its band and whether it is within the appetite (risk-method.md §3.3).</summary>
public sealed record ScoreView(LevelView Likelihood, LevelView Consequence, int Points, BandView Band, bool WithinAppetite);

/// <summary>Method and catalogue data in one language, for building views.</summary>
internal sealed class ViewText(RiskMethod method, EventCatalogue catalogue, Assessment assessment, Language language)
{
    public Language Language => language;

    public string Of(LocalizedText text) => text.In(language);

    public BandView Band(Band band) => new(band.Id, band.Order, Of(band.Label), band.Color, band.TextColor);

    public DimensionView Dimension(Dimension dimension) =>
        new(dimension, dimension.Id(), Of(method.Consequence.Dimension(dimension).Label));

    public IReadOnlyList<DimensionView> Dimensions() => [.. method.Consequence.Dimensions.Select(d => Dimension(d.Dimension))];

    public LevelView Likelihood(Likelihood likelihood) => new(likelihood.Value, Of(method.Likelihood.Level(likelihood).Label));

    public LevelView Consequence(ConsequenceLevel level) => new(level.Value, Of(method.Consequence.Level(level).Label));

    public IReadOnlyList<LikelihoodLevelView> LikelihoodLevels(int max = int.MaxValue) =>
        [.. method.Likelihood.Levels.Where(l => l.Value <= max).OrderBy(l => l.Value).Select(l => new LikelihoodLevelView(l.Value, Of(l.Label), Of(l.Anchor), Of(l.Guidance)))];

    public IReadOnlyList<ConsequenceLevelView> ConsequenceLevels(int max = int.MaxValue) =>
        [.. method.Consequence.Levels.Where(l => l.Value <= max).OrderBy(l => l.Value).Select(l => new ConsequenceLevelView(l.Value, Of(l.Label), Of(l.Citizens), Of(l.Municipality)))];

    public ScoreView Score(RiskScore score) =>
        new(Likelihood(score.Likelihood), Consequence(score.Consequence), score.Points, Band(score.Band), score.WithinAppetite);

    public EventView Event(CatalogueEvent e)
    {
        var group = e.Custom ? null : catalogue.Groups.FirstOrDefault(g => g.Id == e.Group);
        return new EventView(e.Id, Of(e.Name), Of(e.Description), group?.Id, group is null ? null : Of(group.Label), [.. e.Cia.Select(Dimension)], e.Custom);
    }

    public EventView Event(string eventId) =>
        EventSelection.Find(assessment, catalogue, eventId) is { } e
            ? Event(e)
            : new EventView(eventId, eventId, string.Empty, null, null, [], Custom: false);

    public string? EventName(string eventId) => EventSelection.Find(assessment, catalogue, eventId) is { } e ? Of(e.Name) : null;

    public FlowError Error(FieldError error) => FlowMessages.Of(error, language, EventName);
}
