using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Flow;

/// <summary>Step 5 for one event (ScoreStepView): measures in place, likelihood, A, consequence, and the result so far.</summary>
public sealed record ScoreCardModel(
    FlowFrame Frame,
    CardEvent Event,
    IReadOnlyList<CardMeasureTick> TypicalMeasures,
    string LikelihoodQuestion,
    IReadOnlyList<CardLikelihoodLevel> LikelihoodLevels,
    CardAvailability? Availability,
    IReadOnlyList<CardConsequenceLevel> ConsequenceLevels,
    CardOverrideRule Override,
    CardConsequence? Consequence,
    CardScore? Score,
    string AppetiteStatement,
    ScoreCardInput Input);

public sealed record CardMeasureTick(int Index, string Text, bool Ticked);

/// <summary>What the owner needs to estimate A (only for events that affect A).</summary>
public sealed record CardAvailability(
    IReadOnlyList<int> QuickPicksHours,
    double? MtdHours,
    double? RpoHours,
    bool PeakBumpAllowed,
    int PeakBumpMax,
    bool PeakReasonRequired,
    bool HasPeakPeriods,
    CardAvailabilityResult? Result);

public sealed record CardAvailabilityResult(double ExpectedOutageHours, double? Ratio, bool DataLossBeyondRpo, int PeakBump, CardLevel Level);

public sealed record CardOverrideRule(bool Allowed, bool ReasonRequired, int FlagIfLoweredBy);

/// <summary>The event consequence: each dimension's level, the max and the dimension that decided it, and any override.</summary>
public sealed record CardConsequence(
    IReadOnlyList<CardConsequenceComponent> Components,
    CardLevel Computed,
    CardDimension DecidingDimension,
    CardLevel? Override,
    CardLevel Effective,
    bool FlaggedToCommittee);

public sealed record CardConsequenceComponent(CardDimension Dimension, CardLevel Level);

/// <summary>The values on the card; mirrors ScoreStepInput.</summary>
public sealed record ScoreCardInput(
    int? Likelihood,
    IReadOnlyList<int> ExistingMeasures,
    double? ExpectedOutageHours = null,
    double? ExpectedDataLossHours = null,
    int PeakBump = 0,
    string? PeakReason = null,
    int? OverrideConsequence = null,
    string? OverrideReason = null);

/// <summary>
/// The score card. "Calculate" (<c>flow.save</c>) saves the answers and shows the card again with points, band and
/// appetite; Next does the same and moves on.
/// </summary>
public static class ScoreCard
{
    public static JsonObject Build(ScoreCardModel model, Language language)
    {
        var errors = model.Frame.Errors;
        var input = model.Input;
        string T(string key) => CardTexts.Get(key, language);
        List<JsonNode> content =
        [
            Elements.Text($"**{model.Event.Name}** ({string.Join(", ", model.Event.Cia.Select(d => d.Label))})"),
            Elements.Text(model.Event.Description, subtle: true),
        ];
        if (model.TypicalMeasures.Count > 0)
        {
            content.Add(Elements.Subheading(T("score.measures")));
            content.AddRange(ErrorBlocks.With(
                Elements.Choices(CardInputIds.ExistingMeasures, T("score.measures_label"),
                    model.TypicalMeasures.Select(m => (m.Text, CardFormat.Whole(m.Index))),
                    string.Join(",", input.ExistingMeasures.Select(CardFormat.Whole)), multiSelect: true),
                errors, CardInputIds.ExistingMeasures));
        }

        content.Add(Elements.Subheading(T("score.likelihood")));
        content.Add(Elements.Text(model.LikelihoodQuestion));
        content.AddRange(model.LikelihoodLevels.Select(l => Elements.Text($"**{l.Value} {l.Label}** – {l.Anchor}. {l.Guidance}", size: "Small")));
        content.AddRange(ErrorBlocks.With(
            Elements.Choices(CardInputIds.Likelihood, T("score.likelihood_label"),
                model.LikelihoodLevels.Select(l => ($"{l.Value} {l.Label} ({l.Anchor})", CardFormat.Whole(l.Value))),
                input.Likelihood is { } likelihood ? CardFormat.Whole(likelihood) : null),
            errors, CardInputIds.Likelihood));
        if (model.Availability is { } availability)
        {
            content.AddRange(Availability(availability, input, errors, language));
        }

        content.AddRange(Consequence(model, errors, language));
        content.Add(Elements.Subheading(T("score.result")));
        content.Add(model.Score is { } score
            ? BandBadge.Of(score.Band, CardTexts.Format("score.result_line", language,
                ("likelihood", CardFormat.Whole(score.Likelihood.Value)), ("consequence", CardFormat.Whole(score.Consequence.Value)),
                ("points", CardFormat.Whole(score.Points)), ("band", score.Band.Label)))
            : Elements.Text(T("score.result_pending"), subtle: true));
        if (model.Score is { } result)
        {
            content.Add(Elements.Text(T(result.WithinAppetite ? "score.within_appetite" : "score.above_appetite"), bold: true,
                color: result.WithinAppetite ? "Good" : "Attention"));
        }

        content.Add(Elements.Text(model.AppetiteStatement, subtle: true));
        var calculate = Elements.Execute(T("score.calculate"), model.Frame.Action(CardVerbs.Save));
        return FlowChrome.Card(model.Frame, language, "score.title", content, [calculate]);
    }

    private static IEnumerable<JsonNode> Availability(CardAvailability a, ScoreCardInput input, IReadOnlyList<CardFieldError> errors, Language language)
    {
        string T(string key) => CardTexts.Get(key, language);
        yield return Elements.Subheading(T("score.availability"));
        var mtd = a.MtdHours is { } m ? CardFormat.Number(m, language) : T("score.not_set");
        var rpo = a.RpoHours is { } r ? CardFormat.Number(r, language) : T("score.not_set");
        yield return Elements.Text(CardTexts.Format("score.mtd_rpo", language, ("mtd", mtd), ("rpo", rpo)));
        var picks = string.Join(", ", a.QuickPicksHours.Select(CardFormat.Whole));
        foreach (var element in ErrorBlocks.With(
            Elements.NumberInput(CardInputIds.ExpectedOutageHours, CardTexts.Format("score.outage_label", language, ("picks", picks)), input.ExpectedOutageHours, min: 0),
            errors, CardInputIds.ExpectedOutageHours))
        {
            yield return element;
        }

        foreach (var element in ErrorBlocks.With(
            Elements.NumberInput(CardInputIds.ExpectedDataLossHours, T("score.data_loss_label"), input.ExpectedDataLossHours, min: 0),
            errors, CardInputIds.ExpectedDataLossHours))
        {
            yield return element;
        }

        if (a.PeakBumpAllowed && a.HasPeakPeriods)
        {
            var bumps = Enumerable.Range(0, a.PeakBumpMax + 1).Select(b => ($"+{CardFormat.Whole(b)}", CardFormat.Whole(b)));
            foreach (var element in ErrorBlocks.With(Elements.Choices(CardInputIds.PeakBump, T("score.peak_label"), bumps, CardFormat.Whole(input.PeakBump)), errors, CardInputIds.PeakBump))
            {
                yield return element;
            }

            var reasonLabel = T(a.PeakReasonRequired ? "score.peak_reason_required" : "score.peak_reason");
            foreach (var element in ErrorBlocks.With(Elements.TextInput(CardInputIds.PeakReason, reasonLabel, input.PeakReason), errors, CardInputIds.PeakReason))
            {
                yield return element;
            }
        }

        if (a.Result is { } result)
        {
            var ratio = result.Ratio is { } x ? CardFormat.Number(x, language) : T("score.not_set");
            yield return Elements.Text(CardTexts.Format("score.availability_result", language,
                ("hours", CardFormat.Number(result.ExpectedOutageHours, language)), ("ratio", ratio),
                ("level", $"{result.Level.Value} {result.Level.Label}")));
            if (result.DataLossBeyondRpo)
            {
                yield return Elements.Text(T("score.data_loss_beyond_rpo"), color: "Warning");
            }
        }
    }

    private static IEnumerable<JsonNode> Consequence(ScoreCardModel model, IReadOnlyList<CardFieldError> errors, Language language)
    {
        string T(string key) => CardTexts.Get(key, language);
        yield return Elements.Subheading(T("score.consequence"));
        if (model.Consequence is { } c)
        {
            yield return Elements.Facts(c.Components.Select(p => (p.Dimension.Label, $"{p.Level.Value} {p.Level.Label}")));
            yield return Elements.Text(CardTexts.Format("score.consequence_computed", language,
                ("level", $"{c.Computed.Value} {c.Computed.Label}"), ("dimension", c.DecidingDimension.Label)), bold: true);
            if (c.Override is { } overridden)
            {
                yield return Elements.Text(CardTexts.Format("score.consequence_overridden", language, ("level", $"{overridden.Value} {overridden.Label}")));
            }

            if (c.FlaggedToCommittee)
            {
                yield return Elements.Text(T("score.override_flagged"), color: "Warning");
            }
        }
        else
        {
            yield return Elements.Text(T("score.consequence_pending"), subtle: true);
        }

        if (!model.Override.Allowed)
        {
            yield break;
        }

        // No choice means no override: the placeholder says so (a choice with an empty value is invalid).
        var choice = Elements.Choices(CardInputIds.OverrideConsequence, T("score.override_label"),
            model.ConsequenceLevels.Select(l => ($"{l.Value} {l.Label}", CardFormat.Whole(l.Value))),
            model.Input.OverrideConsequence is { } o ? CardFormat.Whole(o) : null, expanded: false, placeholder: T("score.override_none"));
        foreach (var element in ErrorBlocks.With(choice, errors, CardInputIds.OverrideConsequence))
        {
            yield return element;
        }

        var reasonLabel = T(model.Override.ReasonRequired ? "score.override_reason_required" : "score.override_reason");
        foreach (var element in ErrorBlocks.With(Elements.TextInput(CardInputIds.OverrideReason, reasonLabel, model.Input.OverrideReason, multiline: true), errors, CardInputIds.OverrideReason))
        {
            yield return element;
        }
    }
}
