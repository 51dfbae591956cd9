using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Common;

namespace Norddjurs.TeamsRisk.Tab.Coordinator.MethodVersions;

/// <summary>
/// The values a coordinator changes between versions (issue 9: scale labels and guidance, bands, appetite, band rules,
/// deadlines), laid out from the active document so that a level, band or rule the method has is a field. Everything
/// else is edited in the JSON editor.
/// </summary>
public static class MethodFields
{
    private static readonly string[] Languages = ["da", "en"];

    private static readonly string[] DeadlineKeys =
        ["ownerAssessmentDays", "ownerOverdueEscalateAfterDays", "committeeReviewWorkingDays", "areaManagerDecisionWorkingDays", "directorateDecisionWorkingDays", "measureReminderDaysBefore"];

    public static IReadOnlyList<FieldGroup> For(JsonNode method, Language language)
    {
        string T(string key, params (string, object?)[] args) => TabTexts.Get(key, language, args);
        string Lang(string code) => T($"method.lang_{code}");
        var bands = Items(method["bands"]).Select((b, i) => (Index: i, Id: Text(b["id"]), Name: Localised(b["label"], language))).ToList();
        var bandChoices = bands.Select(b => new FieldChoice(b.Id, b.Name)).ToList();
        var authorities = (method["roles"] as JsonObject ?? []).Where(r => r.Value?["rank"] is JsonValue).Select(r => new FieldChoice(r.Key, Localised(r.Value, language))).ToList();

        IEnumerable<DraftField> Levels(string scale, bool guidance) => Items(method[scale]?["levels"]).SelectMany((level, i) =>
            Languages.Select(code => new DraftField($"$.{scale}.levels[{i}].label.{code}", T("method.field_level_label", ("level", Text(level["value"])), ("language", Lang(code))), FieldKind.Text))
                .Concat(guidance ? Languages.Select(code => new DraftField($"$.{scale}.levels[{i}].guidance.{code}", T("method.field_level_guidance", ("level", Text(level["value"])), ("language", Lang(code))), FieldKind.LongText)) : []));

        return
        [
            new("version", T("method.group_version"), [new("$.version", T("method.field_version"), FieldKind.Text)]),
            new("likelihood", T("method.group_likelihood"), [.. Levels("likelihood", guidance: true)]),
            new("consequence", T("method.group_consequence"), [.. Levels("consequence", guidance: false)]),
            new("bands", T("method.group_bands"), [.. bands.SelectMany(b => new DraftField[]
            {
                new($"$.bands[{b.Index}].label.da", T("method.field_band_label", ("band", b.Name), ("language", Lang("da"))), FieldKind.Text),
                new($"$.bands[{b.Index}].label.en", T("method.field_band_label", ("band", b.Name), ("language", Lang("en"))), FieldKind.Text),
                new($"$.bands[{b.Index}].minPoints", T("method.field_band_min", ("band", b.Name)), FieldKind.Number),
                new($"$.bands[{b.Index}].maxPoints", T("method.field_band_max", ("band", b.Name)), FieldKind.Number),
                new($"$.bands[{b.Index}].color", T("method.field_band_color", ("band", b.Name)), FieldKind.Text),
                new($"$.bands[{b.Index}].textColor", T("method.field_band_text_color", ("band", b.Name)), FieldKind.Text),
            })]),
            new("appetite", T("method.group_appetite"), [
                new("$.appetite.highestAcceptableBand", T("method.field_appetite_band"), FieldKind.Choice, bandChoices),
                .. Languages.Select(code => new DraftField($"$.appetite.statement.{code}", T("method.field_appetite_statement", ("language", Lang(code))), FieldKind.LongText)),
            ]),
            new("rules", T("method.group_rules"), [.. bands.Where(b => method["bandRules"]?[b.Id] is JsonObject).SelectMany(b => new DraftField[]
            {
                new($"$.bandRules.{b.Id}.decisionAuthority", T("method.field_rule_authority", ("band", b.Name)), FieldKind.Choice, authorities),
                new($"$.bandRules.{b.Id}.acceptanceMaxMonths", T("method.field_rule_acceptance", ("band", b.Name)), FieldKind.Number),
                new($"$.bandRules.{b.Id}.measureDeadlineMaxDays", T("method.field_rule_measure_deadline", ("band", b.Name)), FieldKind.OptionalNumber),
            })]),
            new("deadlines", T("method.group_deadlines"), [.. DeadlineKeys.Where(k => method["deadlines"]?[k] is JsonValue)
                .Select(k => new DraftField($"$.deadlines.{k}", T($"method.field_deadline_{k}"), FieldKind.Number))]),
        ];
    }

    /// <summary>An event's names and texts in the catalogue (risk-method.md §4), for the event chosen in the catalogue form.</summary>
    public static IReadOnlyList<DraftField> ForEvent(JsonNode catalogue, int index, Language language)
    {
        var fields = new List<DraftField> { new("$.version", TabTexts.Get("method.field_catalogue_version", language), FieldKind.Text) };
        foreach (var (part, kind) in new[] { ("name", FieldKind.Text), ("description", FieldKind.LongText) })
        {
            fields.AddRange(Languages.Where(code => catalogue["events"]?[index]?[part]?[code] is JsonValue).Select(code => new DraftField(
                $"$.events[{index}].{part}.{code}", TabTexts.Get($"method.field_event_{part}", language, ("language", TabTexts.Get($"method.lang_{code}", language))), kind)));
        }

        return fields;
    }

    /// <summary>A da/en text in the reader's language, falling back to Danish.</summary>
    public static string Localised(JsonNode? text, Language language) =>
        Text(text?[language == Language.English ? "en" : "da"]) is { Length: > 0 } value ? value : Text(text?["da"]);

    private static IEnumerable<JsonNode> Items(JsonNode? array) => (array as JsonArray ?? []).OfType<JsonNode>();

    private static string Text(JsonNode? node) => Workflows.Method.MethodComparison.Display(node) ?? string.Empty;
}
