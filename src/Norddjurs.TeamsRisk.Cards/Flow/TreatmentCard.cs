using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Cards.Flow;

/// <summary>Step 6 for one line (TreatmentStepView): the score, what its band allows and requires, and the plan.</summary>
public sealed record TreatmentCardModel(
    FlowFrame Frame,
    CardEvent Event,
    CardScore Score,
    CardDimension DecidingDimension,
    string AppetiteStatement,
    CardTreatmentRule Rule,
    IReadOnlyList<string> SuggestedMeasures,
    IReadOnlyList<CardLikelihoodLevel> TargetLikelihoods,
    IReadOnlyList<CardConsequenceLevel> TargetConsequences,
    CardScore? Residual,
    TreatmentCardInput Input);

/// <summary>What the band requires (TreatmentRuleView); <see cref="ComplianceGap"/> names a gap on this line (risk-method.md §7).</summary>
public sealed record CardTreatmentRule(
    IReadOnlyList<TreatmentKind> AllowedKinds,
    IReadOnlyList<TreatmentKind> JustificationRequiredFor,
    IReadOnlyList<TreatmentKind> MeasuresRequiredFor,
    bool InterimMeasuresRequired,
    DateOnly? LatestDeadline,
    CardBand ResidualTarget,
    string DecisionAuthorityLabel,
    int AcceptanceMaxMonths,
    string? ComplianceGap);

/// <summary>The plan on the card; mirrors TreatmentStepInput. Measures with a null id are new.</summary>
public sealed record TreatmentCardInput(
    TreatmentKind? Kind,
    string? Justification,
    IReadOnlyList<CardMeasureInput> Measures,
    IReadOnlyList<CardInterimMeasureInput> InterimMeasures);

/// <summary>A measure row; <see cref="Responsible"/> is the person's e-mail address (the bot maps it to and from the Entra object id).</summary>
public sealed record CardMeasureInput(
    string? Id,
    string? Description,
    string? Responsible,
    DateOnly? Deadline,
    int? TargetLikelihood,
    int? TargetConsequence,
    string? DeadlineExceptionReason = null);

public sealed record CardInterimMeasureInput(string? Description, string? Responsible);

/// <summary>
/// The treatment card: the choice of treatment (<c>kind</c>: accept, reduce, avoid, share as the band allows), the
/// justification, the measures (<c>measures[i].*</c>, one empty row to add a new one; "Add measure" saves and shows a
/// fresh row), and the interim measures Kritisk requires (<c>interimMeasures[i].*</c>). The measures' ids travel in
/// the action data (<see cref="CardActionData.MeasureIds"/>, in row order; the empty row has none).
/// The responsible person is typed as an e-mail address: Teams' people picker (<c>choices.data</c>) is an Adaptive
/// Cards 1.6 property, and Microsoft's validator refuses it at 1.5.
/// </summary>
public static class TreatmentCard
{
    public static JsonObject Build(TreatmentCardModel model, Language language)
    {
        var errors = model.Frame.Errors;
        var rule = model.Rule;
        var input = model.Input;
        string T(string key) => CardTexts.Get(key, language);
        List<JsonNode> content =
        [
            Elements.Text($"**{model.Event.Name}**"),
            BandBadge.Of(model.Score.Band, CardTexts.Format("treatment.current", language,
                ("points", CardFormat.Whole(model.Score.Points)), ("band", model.Score.Band.Label), ("dimension", model.DecidingDimension.Label))),
            Elements.Text(model.AppetiteStatement, subtle: true),
        ];
        if (rule.ComplianceGap is { } gap)
        {
            content.Add(Elements.Container([Elements.Text(CardTexts.Format("treatment.compliance_gap", language, ("gap", gap)), color: "Attention")], "attention"));
        }

        content.Add(Elements.Text(CardTexts.Format("treatment.authority", language,
            ("authority", rule.DecisionAuthorityLabel), ("months", CardFormat.Whole(rule.AcceptanceMaxMonths)))));
        content.AddRange(ErrorBlocks.With(
            Elements.Choices(CardInputIds.Kind, T("treatment.kind"),
                rule.AllowedKinds.Select(k => (T("treatment.kind." + k.ToString().ToLowerInvariant()), k.ToString().ToLowerInvariant())),
                input.Kind?.ToString().ToLowerInvariant()),
            errors, CardInputIds.Kind));
        var justificationLabel = rule.JustificationRequiredFor.Count > 0
            ? CardTexts.Format("treatment.justification_required", language, ("kinds", string.Join(", ", rule.JustificationRequiredFor.Select(k => T("treatment.kind." + k.ToString().ToLowerInvariant())))))
            : T("treatment.justification");
        content.AddRange(ErrorBlocks.With(Elements.TextInput(CardInputIds.Justification, justificationLabel, input.Justification, multiline: true), errors, CardInputIds.Justification));

        if (rule.AllowedKinds.Contains(TreatmentKind.Reduce))
        {
            content.AddRange(Measures(model, errors, language));
        }

        if (rule.InterimMeasuresRequired)
        {
            content.AddRange(InterimMeasures(input.InterimMeasures, errors, language));
        }

        if (model.Residual is { } residual)
        {
            content.Add(Elements.Subheading(T("treatment.residual")));
            content.Add(BandBadge.Of(residual, language));
        }

        var measureIds = input.Measures.Select(m => m.Id ?? string.Empty).ToArray();
        CardActionData Data(string verb) => model.Frame.Action(verb) with { MeasureIds = measureIds };
        return FlowChrome.Card(model.Frame, language, "treatment.title", content,
            rule.AllowedKinds.Contains(TreatmentKind.Reduce) ? [Elements.Execute(T("treatment.add_measure"), Data(CardVerbs.Save))] : [],
            Data);
    }

    private static IEnumerable<JsonNode> Measures(TreatmentCardModel model, IReadOnlyList<CardFieldError> errors, Language language)
    {
        string T(string key) => CardTexts.Get(key, language);
        var rule = model.Rule;
        yield return Elements.Subheading(T("treatment.measures"));
        var required = rule.MeasuresRequiredFor.Select(k => T("treatment.kind." + k.ToString().ToLowerInvariant())).ToArray();
        if (required.Length > 0)
        {
            yield return Elements.Text(CardTexts.Format("treatment.measures_required", language, ("kinds", string.Join(", ", required))));
        }

        yield return Elements.Text(CardTexts.Format("treatment.residual_target", language, ("band", rule.ResidualTarget.Label)), subtle: true);
        if (rule.LatestDeadline is { } latest)
        {
            yield return Elements.Text(CardTexts.Format("treatment.latest_deadline", language, ("date", CardFormat.Date(latest, language))), subtle: true);
        }

        if (model.SuggestedMeasures.Count > 0)
        {
            yield return Elements.Text(CardTexts.Format("treatment.suggestions", language, ("measures", string.Join("; ", model.SuggestedMeasures))), subtle: true);
        }

        foreach (var error in ErrorBlocks.For(errors, "measures"))
        {
            yield return error;
        }

        CardMeasureInput[] rows = [.. model.Input.Measures, new CardMeasureInput(null, null, null, null, null, null)];
        for (var i = 0; i < rows.Length; i++)
        {
            foreach (var element in MeasureRow(i, rows[i], model, errors, language))
            {
                yield return element;
            }
        }
    }

    private static IEnumerable<JsonNode> MeasureRow(int index, CardMeasureInput measure, TreatmentCardModel model, IReadOnlyList<CardFieldError> errors, Language language)
    {
        string T(string key) => CardTexts.Get(key, language);
        string Id(string property) => CardInputIds.Measure(index, property);
        var isNew = index == model.Input.Measures.Count;
        yield return Elements.Text(CardTexts.Format(isNew ? "treatment.measure_new" : "treatment.measure_n", language, ("n", CardFormat.Whole(index + 1))), bold: true, separator: true);
        JsonObject[] inputs =
        [
            Elements.TextInput(Id(CardInputIds.MeasureProperty.Description), T("treatment.measure_description"), measure.Description, multiline: true),
            Responsible(Id(CardInputIds.MeasureProperty.Responsible), measure.Responsible, language),
            Elements.DateInput(Id(CardInputIds.MeasureProperty.Deadline), T("treatment.measure_deadline"), measure.Deadline),
            Elements.TextInput(Id(CardInputIds.MeasureProperty.DeadlineExceptionReason), T("treatment.measure_deadline_reason"), measure.DeadlineExceptionReason),
            Elements.Choices(Id(CardInputIds.MeasureProperty.TargetLikelihood), T("treatment.measure_target_likelihood"),
                model.TargetLikelihoods.Select(l => ($"{l.Value} {l.Label}", CardFormat.Whole(l.Value))),
                measure.TargetLikelihood is { } tl ? CardFormat.Whole(tl) : null, expanded: false),
            Elements.Choices(Id(CardInputIds.MeasureProperty.TargetConsequence), T("treatment.measure_target_consequence"),
                model.TargetConsequences.Select(l => ($"{l.Value} {l.Label}", CardFormat.Whole(l.Value))),
                measure.TargetConsequence is { } tc ? CardFormat.Whole(tc) : null, expanded: false),
        ];
        foreach (var input in inputs)
        {
            var id = (string)input["id"]!;
            yield return input;
            foreach (var element in ErrorBlocks.For(errors, id).Concat(ErrorBlocks.For(errors, ResponsibleErrorField(id))))
            {
                yield return element;
            }
        }
    }

    private static IEnumerable<JsonNode> InterimMeasures(IReadOnlyList<CardInterimMeasureInput> interim, IReadOnlyList<CardFieldError> errors, Language language)
    {
        string T(string key) => CardTexts.Get(key, language);
        yield return Elements.Subheading(T("treatment.interim"));
        yield return Elements.Text(T("treatment.interim_intro"));
        foreach (var error in ErrorBlocks.For(errors, "interimMeasures"))
        {
            yield return error;
        }

        CardInterimMeasureInput[] rows = [.. interim, new CardInterimMeasureInput(null, null)];
        for (var i = 0; i < rows.Length; i++)
        {
            var descriptionId = CardInputIds.InterimMeasure(i, CardInputIds.MeasureProperty.Description);
            var responsibleId = CardInputIds.InterimMeasure(i, CardInputIds.MeasureProperty.Responsible);
            foreach (var element in ErrorBlocks.With(Elements.TextInput(descriptionId, CardTexts.Format("treatment.interim_n", language, ("n", CardFormat.Whole(i + 1))), rows[i].Description), errors, descriptionId))
            {
                yield return element;
            }

            yield return Responsible(responsibleId, rows[i].Responsible, language);
            foreach (var element in ErrorBlocks.For(errors, responsibleId).Concat(ErrorBlocks.For(errors, ResponsibleErrorField(responsibleId))))
            {
                yield return element;
            }
        }
    }

    private static JsonObject Responsible(string id, string? email, Language language) =>
        Elements.TextInput(id, CardTexts.Get("treatment.measure_responsible", language), email, placeholder: CardTexts.Get("treatment.measure_responsible_placeholder", language));

    /// <summary>"measures[0].responsible" → "measures[0].responsibleObjectId", where Workflows reports the error.</summary>
    private static string? ResponsibleErrorField(string inputId) =>
        inputId.EndsWith("." + CardInputIds.MeasureProperty.Responsible, StringComparison.Ordinal)
            ? inputId[..^CardInputIds.MeasureProperty.Responsible.Length] + CardInputIds.MeasureProperty.ResponsibleErrorField
            : null;
}
