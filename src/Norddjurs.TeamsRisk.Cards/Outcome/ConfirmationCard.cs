using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Outcome;

public enum ConfirmationKind
{
    /// <summary>Progress is saved; the owner can continue later, here or in the tab.</summary>
    Saved,

    /// <summary>The assessment went to the committee.</summary>
    Submitted,
}

/// <summary>What was saved or submitted, when, and (after submission) the highest band and whether direktionen was told.</summary>
public sealed record ConfirmationCardModel(ConfirmationKind Kind, string AssessmentId, string SystemName, DateOnly Date)
{
    public string? HighestBandLabel { get; init; }

    public bool DirectorateNotified { get; init; }
}

/// <summary>A plain confirmation with no inputs; after a save it offers Continue, after a submission the list.</summary>
public static class ConfirmationCard
{
    public static JsonObject Build(ConfirmationCardModel model, Language language)
    {
        string T(string key) => CardTexts.Get(key, language);
        var date = CardFormat.Date(model.Date, language);
        var submitted = model.Kind == ConfirmationKind.Submitted;
        List<JsonNode> body =
        [
            Elements.Heading(T(submitted ? "confirm.submitted_title" : "confirm.saved_title")),
            Elements.Text(CardTexts.Format(submitted ? "confirm.submitted" : "confirm.saved", language, ("system", model.SystemName), ("date", date)), color: "Good"),
        ];
        if (submitted && model.HighestBandLabel is { } band)
        {
            body.Add(Elements.Text(CardTexts.Format("confirm.highest", language, ("band", band))));
        }

        if (submitted && model.DirectorateNotified)
        {
            body.Add(Elements.Text(T("confirm.directorate_notified")));
        }

        var action = submitted
            ? Elements.Execute(T("confirm.my_assessments"), new CardActionData(CardVerbs.Start))
            : Elements.Execute(T("confirm.continue"), new CardActionData(CardVerbs.Open) { AssessmentId = model.AssessmentId });
        body.Add(Elements.ActionSet([action]));
        return CardEnvelope.Create(body);
    }
}
