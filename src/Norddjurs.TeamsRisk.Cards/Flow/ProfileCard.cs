using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Flow;

/// <summary>Step 3b (ProfileStepView): C and I with the suggestions, the level texts and the entered values.</summary>
public sealed record ProfileCardModel(
    FlowFrame Frame,
    ProfileCardDimension Confidentiality,
    ProfileCardDimension Integrity,
    IReadOnlyList<CardConsequenceLevel> Levels,
    int ScoredLines,
    ProfileCardInput Input);

/// <summary>What the record suggests, what is saved, and whether the entered value is below the suggestion (needs a reason).</summary>
public sealed record ProfileCardDimension(CardDimension Dimension, int Suggested, int? Saved, bool ReasonRequired);

/// <summary>The values on the card; mirrors ProfileStepInput.</summary>
public sealed record ProfileCardInput(int? Confidentiality, string? ConfidentialityReason, int? Integrity, string? IntegrityReason);

/// <summary>The profile card: one choice per dimension (pre-set to the entered value or the suggestion) and its reason.</summary>
public static class ProfileCard
{
    public static JsonObject Build(ProfileCardModel model, Language language)
    {
        var errors = model.Frame.Errors;
        JsonNode[] content =
        [
            Elements.Text(CardTexts.Get("profile.intro", language)),
            .. LevelGuide(model.Levels, language),
            .. Dimension(model.Confidentiality, model.Input.Confidentiality, model.Input.ConfidentialityReason,
                CardInputIds.Confidentiality, CardInputIds.ConfidentialityReason, model.Levels, errors, language),
            .. Dimension(model.Integrity, model.Input.Integrity, model.Input.IntegrityReason,
                CardInputIds.Integrity, CardInputIds.IntegrityReason, model.Levels, errors, language),
            .. model.ScoredLines > 0
                ? [Elements.Text(CardTexts.Format("profile.rescore_warning", language, ("count", CardFormat.Whole(model.ScoredLines))), subtle: true)]
                : Array.Empty<JsonNode>(),
        ];
        return FlowChrome.Card(model.Frame, language, "profile.title", content);
    }

    /// <summary>The consequence levels with the citizen and municipality views (risk-method.md §3.2): the anchors to choose by.</summary>
    private static IEnumerable<JsonNode> LevelGuide(IReadOnlyList<CardConsequenceLevel> levels, Language language)
    {
        yield return Elements.Subheading(CardTexts.Get("profile.levels", language));
        foreach (var level in levels)
        {
            yield return Elements.Text($"**{level.Value} {level.Label}**", separator: false);
            yield return Elements.Facts(
            [
                (CardTexts.Get("profile.citizens", language), level.Citizens),
                (CardTexts.Get("profile.municipality", language), level.Municipality),
            ]);
        }
    }

    private static IEnumerable<JsonNode> Dimension(
        ProfileCardDimension dimension, int? entered, string? reason, string valueId, string reasonId,
        IReadOnlyList<CardConsequenceLevel> levels, IReadOnlyList<CardFieldError> errors, Language language)
    {
        yield return Elements.Subheading(dimension.Dimension.Label);
        var suggested = levels.FirstOrDefault(l => l.Value == dimension.Suggested);
        yield return Elements.Text(CardTexts.Format("profile.suggested", language,
            ("value", CardFormat.Whole(dimension.Suggested)), ("label", suggested?.Label ?? string.Empty)));
        var choice = Elements.Choices(valueId, CardTexts.Format("profile.choose", language, ("dimension", dimension.Dimension.Label)),
            levels.Select(l => ($"{l.Value} {l.Label}", CardFormat.Whole(l.Value))),
            CardFormat.Whole(entered ?? dimension.Saved ?? dimension.Suggested));
        foreach (var element in ErrorBlocks.With(choice, errors, valueId))
        {
            yield return element;
        }

        var reasonLabel = CardTexts.Get(dimension.ReasonRequired ? "profile.reason_required" : "profile.reason_if_lowered", language);
        foreach (var element in ErrorBlocks.With(Elements.TextInput(reasonId, reasonLabel, reason, multiline: true), errors, reasonId))
        {
            yield return element;
        }
    }
}
