using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Cards.Tests.Samples;

/// <summary>Card values from the shipped method and catalogue, in one language: what the bot's mapping will hand the cards.</summary>
internal sealed class MethodData(Language language)
{
    public static RiskMethod Method { get; } = DefaultMethod.Load().Value;

    public static EventCatalogue Catalogue { get; } = DefaultCatalogue.Load().Value;

    public Language Language => language;

    public string Of(LocalizedText text) => text.In(language);

    public CardBand Band(Band band) => new(Of(band.Label), band.Color, band.TextColor);

    public CardBand Band(string id) => Band(Method.Band(id));

    public CardLevel Likelihood(int value) => new(value, Of(Method.Likelihood.Level(Core.Method.Likelihood.Of(value)).Label));

    public CardLevel Consequence(int value) => new(value, Of(Method.Consequence.Level(ConsequenceLevel.Of(value)).Label));

    public CardScore Score(int likelihood, int consequence)
    {
        var score = Method.Score(Core.Method.Likelihood.Of(likelihood), ConsequenceLevel.Of(consequence));
        return new CardScore(Likelihood(likelihood), Consequence(consequence), score.Points, Band(score.Band), score.WithinAppetite);
    }

    public CardDimension Dimension(Dimension dimension) => new(dimension, dimension.Id(), Of(Method.Consequence.Dimension(dimension).Label));

    public IReadOnlyList<CardDimension> Dimensions() => [.. Method.Consequence.Dimensions.Select(d => Dimension(d.Dimension))];

    public IReadOnlyList<CardLikelihoodLevel> LikelihoodLevels(int max = int.MaxValue) =>
        [.. Method.Likelihood.Levels.Where(l => l.Value <= max).Select(l => new CardLikelihoodLevel(l.Value, Of(l.Label), Of(l.Anchor), Of(l.Guidance)))];

    public IReadOnlyList<CardConsequenceLevel> ConsequenceLevels(int max = int.MaxValue) =>
        [.. Method.Consequence.Levels.Where(l => l.Value <= max).Select(l => new CardConsequenceLevel(l.Value, Of(l.Label), Of(l.Citizens), Of(l.Municipality)))];

    public CardEvent Event(string id)
    {
        var e = Catalogue.Find(id) ?? throw new ArgumentException($"No event {id}", nameof(id));
        return Event(e);
    }

    public CardEvent Event(CatalogueEvent e) =>
        new(e.Id, Of(e.Name), Of(e.Description), Of(Catalogue.Group(e.Group).Label), [.. e.Cia.Select(Dimension)], e.Custom);

    public string Appetite => Of(Method.Appetite.Statement);

    public string LikelihoodQuestion => Of(Method.Likelihood.Question);
}
