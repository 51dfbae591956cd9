using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>
/// The small values every step shows, from Workflows' view records to Cards' mirrors of them. Cards may not reference
/// Workflows (style-examples.md §2), so the mapping lives here, field for field.
/// </summary>
internal static class CardValues
{
    public static CardStep Step(FlowStep step) => new(Enum.Parse<CardStepKind>(step.Kind.ToString()), step.EventId);

    public static CardBand Band(BandView band) => new(band.Label, band.Color, band.TextColor);

    public static CardLevel Level(LevelView level) => new(level.Value, level.Label);

    public static CardDimension Dimension(DimensionView dimension) => new(dimension.Dimension, dimension.Id, dimension.Label);

    public static CardEvent Event(EventView e) => new(e.Id, e.Name, e.Description, e.GroupLabel, [.. e.Cia.Select(Dimension)], e.Custom);

    public static CardScore Score(ScoreView score) =>
        new(Level(score.Likelihood), Level(score.Consequence), score.Points, Band(score.Band), score.WithinAppetite);

    public static CardLikelihoodLevel Likelihood(LikelihoodLevelView level) => new(level.Value, level.Label, level.Anchor, level.Guidance);

    public static CardConsequenceLevel Consequence(ConsequenceLevelView level) => new(level.Value, level.Label, level.Citizens, level.Municipality);

    /// <summary>
    /// Workflows' error fields equal the cards' input ids (<see cref="CardInputIds"/>); where they do not — the
    /// responsible person's <c>responsibleObjectId</c> against the card's <c>responsible</c> e-mail input — the
    /// treatment card places both next to the same input, so every field passes through unchanged.
    /// </summary>
    public static CardFieldError Error(FlowError error) => new(error.Field, error.Message);
}
