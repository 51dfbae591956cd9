using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Notifications;

/// <summary>
/// One notification as the recipient reads it. <see cref="Template"/> is the use case's template name
/// (<c>assessment.invited</c>, <c>escalation.pending</c>, …); the other fields are what its data says, when it says it.
/// </summary>
public sealed record NotificationCardModel(string Template)
{
    public string? AssessmentId { get; init; }

    /// <summary>The system's name, or its register id when the name is not at hand.</summary>
    public string? System { get; init; }

    public DateOnly? Deadline { get; init; }

    /// <summary>The measure a follow-up notice is about, as its owner described it.</summary>
    public string? Measure { get; init; }

    /// <summary>The committee's comment or the reason for a cancellation, shown as written.</summary>
    public string? Note { get; init; }
}

/// <summary>A proactive message: a title and a sentence per template, the facts from its data, and a button to open the assessment.</summary>
public static class NotificationCard
{
    private const string Prefix = "notification.";

    public static JsonObject Build(NotificationCardModel model, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        string T(string key) => CardTexts.Get(key, language);

        // An unknown template still reaches its reader: a general title, and the facts below.
        var known = CardTexts.Find(Prefix + model.Template + ".title", language) is not null;
        List<JsonNode> body = [Elements.Heading(T(Prefix + (known ? model.Template : "other") + ".title"))];
        if (known)
        {
            body.Add(Elements.Text(T(Prefix + model.Template + ".text")));
        }

        var facts = new List<(string, string)>();
        if (model.System is { Length: > 0 } system)
        {
            facts.Add((T("notification.fact.system"), system));
        }

        if (model.AssessmentId is { Length: > 0 } assessment)
        {
            facts.Add((T("notification.fact.assessment"), assessment));
        }

        if (model.Measure is { Length: > 0 } measure)
        {
            facts.Add((T("notification.fact.measure"), measure));
        }

        if (model.Deadline is { } deadline)
        {
            facts.Add((T("notification.fact.deadline"), CardFormat.Date(deadline, language)));
        }

        if (facts.Count > 0)
        {
            body.Add(Elements.Facts(facts));
        }

        if (model.Note is { Length: > 0 } note)
        {
            body.Add(Elements.Text(T("notification.fact.note"), bold: true, separator: true));
            body.Add(Elements.Text(note));
        }

        if (model.AssessmentId is { Length: > 0 } id)
        {
            body.Add(Elements.ActionSet([Elements.Execute(T("notification.open"), new CardActionData(CardVerbs.Open) { AssessmentId = id }, style: "positive")]));
        }

        return CardEnvelope.Create(body);
    }
}
