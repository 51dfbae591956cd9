using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Cards.Actions;

/// <summary>
/// The data of one card action: what the bot needs besides the inputs. <see cref="Stamp"/> is the assessment's
/// version when the card was built; the bot refuses an action whose stamp is not the current one (a stale card).
/// <see cref="MeasureIds"/> carries the ids of the treatment card's measures in input order (cards have no hidden inputs).
/// </summary>
public sealed record CardActionData(string Verb)
{
    public string? AssessmentId { get; init; }

    /// <summary>The escalation a decision card acts on ("assessment:event").</summary>
    public string? EscalationId { get; init; }

    public CardStep? Step { get; init; }

    public string? Stamp { get; init; }

    public IReadOnlyList<string> MeasureIds { get; init; } = [];

    /// <summary>The page of the "my assessments" list card (0 first); absent on every other action.</summary>
    public int? Page { get; init; }

    /// <summary>The property names in the JSON; the card's inputs use other names (<see cref="CardInputIds"/>).</summary>
    public static class Names
    {
        public const string Verb = "verb";
        public const string AssessmentId = "assessmentId";
        public const string EscalationId = "escalationId";
        public const string Step = "step";
        public const string Stamp = "stamp";
        public const string MeasureIds = "measureIds";
        public const string Page = "page";
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject { [Names.Verb] = Verb };
        if (AssessmentId is not null)
        {
            json[Names.AssessmentId] = AssessmentId;
        }

        if (EscalationId is not null)
        {
            json[Names.EscalationId] = EscalationId;
        }

        if (Step is not null)
        {
            json[Names.Step] = Step.Token;
        }

        if (Stamp is not null)
        {
            json[Names.Stamp] = Stamp;
        }

        if (MeasureIds.Count > 0)
        {
            json[Names.MeasureIds] = new JsonArray([.. MeasureIds.Select(id => (JsonNode?)JsonValue.Create(id))]);
        }

        if (Page is { } page)
        {
            json[Names.Page] = page;
        }

        return json;
    }

    /// <summary>
    /// Reads the data back from an invoke's <c>action.data</c> (or a fallback submit's <c>value</c>), where the card's
    /// inputs sit next to it. The verb of <c>Action.Execute</c> wins over the one in the data when both are present.
    /// </summary>
    public static CardActionData? Read(JsonObject? data, string? executeVerb = null)
    {
        var verb = executeVerb ?? Text(data, Names.Verb);
        if (data is null || string.IsNullOrEmpty(verb))
        {
            return null;
        }

        var ids = data[Names.MeasureIds] is JsonArray array
            ? array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToArray()
            : [];
        return new CardActionData(verb)
        {
            AssessmentId = Text(data, Names.AssessmentId),
            EscalationId = Text(data, Names.EscalationId),
            Step = CardStep.Parse(Text(data, Names.Step)),
            Stamp = Text(data, Names.Stamp),
            MeasureIds = ids,
            Page = data[Names.Page] is JsonValue p && p.TryGetValue<int>(out var page) ? page : null,
        };
    }

    private static string? Text(JsonObject? data, string name) =>
        data?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
