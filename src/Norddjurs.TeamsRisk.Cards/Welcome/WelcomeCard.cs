using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Welcome;

/// <summary>Who is greeted (null: no name, e.g. when the bot is installed in a team) and how many assessments await them.</summary>
public sealed record WelcomeCardModel(string? UserName, int OpenAssessments);

/// <summary>The card sent on install and on "hjælp"/"help": what the bot does, how to start, how to change language.</summary>
public static class WelcomeCard
{
    public static JsonObject Build(WelcomeCardModel model, Language language)
    {
        string T(string key) => CardTexts.Get(key, language);
        var greeting = model.UserName is { Length: > 0 } name
            ? CardTexts.Format("welcome.greeting_named", language, ("name", name))
            : T("welcome.greeting");
        JsonNode[] body =
        [
            Elements.Heading(greeting),
            Elements.Text(T("welcome.what")),
            Elements.Text(T("welcome.how")),
            Elements.Text(model.OpenAssessments > 0
                ? CardTexts.Format("welcome.open", language, ("count", CardFormat.Whole(model.OpenAssessments)))
                : T("welcome.none_open")),
            Elements.Text(T("welcome.language"), subtle: true),
            Elements.ActionSet([Elements.Execute(T("welcome.start"), new CardActionData(CardVerbs.Start), style: "positive")]),
        ];
        return CardEnvelope.Create(body);
    }
}
