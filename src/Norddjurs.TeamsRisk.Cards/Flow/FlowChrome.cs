using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Flow;

/// <summary>What every step card has around its own content: title and progress, the errors, Back and Next.</summary>
internal static class FlowChrome
{
    public static JsonObject Card(FlowFrame frame, Language language, string titleKey, IEnumerable<JsonNode> content, IEnumerable<JsonObject>? extraActions = null, Func<string, CardActionData>? data = null)
    {
        data ??= frame.Action;
        var progress = CardTexts.Format("flow.progress", language,
            ("position", CardFormat.Whole(frame.Position)), ("count", CardFormat.Whole(frame.Count)), ("system", frame.SystemName));
        JsonNode[] body =
        [
            Elements.Text(progress, subtle: true, size: "Small"),
            Elements.Heading(CardTexts.Get(titleKey, language)),
            .. ErrorBlocks.Summary(frame.Errors, language),
            .. content,
            Elements.ActionSet(Navigation(frame, language, extraActions ?? [], data)),
        ];
        return CardEnvelope.Create(body, data(CardVerbs.View), frame.RefreshUserIds);
    }

    private static IEnumerable<JsonObject> Navigation(FlowFrame frame, Language language, IEnumerable<JsonObject> extraActions, Func<string, CardActionData> data)
    {
        if (frame.CanGoNext)
        {
            var nextKey = frame.ReturnsToSummary ? "flow.next_to_summary" : "flow.next";
            yield return Elements.Execute(CardTexts.Get(nextKey, language), data(CardVerbs.Next), style: "positive");
        }

        foreach (var action in extraActions)
        {
            yield return action;
        }

        if (frame.CanGoBack)
        {
            yield return Elements.Execute(CardTexts.Get("flow.back", language), data(CardVerbs.Back));
        }
    }
}
