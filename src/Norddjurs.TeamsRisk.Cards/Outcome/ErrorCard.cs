using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Outcome;

/// <summary>
/// An error the user can read: the message in their language (from Core's texts), an optional reference for support,
/// and an optional action to retry (e.g. reopen the assessment after a stale card). Without one the card offers the list.
/// </summary>
public sealed record ErrorCardModel(string Message)
{
    public string? Reference { get; init; }

    public CardActionData? Retry { get; init; }
}

public static class ErrorCard
{
    public static JsonObject Build(ErrorCardModel model, Language language)
    {
        string T(string key) => CardTexts.Get(key, language);
        List<JsonNode> body =
        [
            Elements.Container([Elements.Text(T("error.title"), size: "Medium", bold: true, color: "Attention"), Elements.Text(model.Message, color: "Attention")], "attention"),
        ];
        if (model.Reference is { } reference)
        {
            body.Add(Elements.Text(CardTexts.Format("error.reference", language, ("reference", reference)), subtle: true, size: "Small"));
        }

        body.Add(Elements.ActionSet([model.Retry is { } retry
            ? Elements.Execute(T("error.retry"), retry)
            : Elements.Execute(T("error.my_assessments"), new CardActionData(CardVerbs.Start))]));
        return CardEnvelope.Create(body);
    }
}
