using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.MyAssessments;

/// <summary>
/// The user's systems with an open assessment, soonest deadline first as the caller orders them, and the page to show
/// (0 first; one out of range shows the nearest page, as a forged or outdated button may ask for any).
/// </summary>
public sealed record MyAssessmentsCardModel(IReadOnlyList<AssessmentListItem> Items, int Page = 0);

/// <summary>
/// One open assessment. <see cref="Started"/> chooses "Begin" or "Continue"; <see cref="Returned"/> marks one the
/// committee sent back. <see cref="Stamp"/> is the assessment's version, as on the step cards.
/// </summary>
public sealed record AssessmentListItem(string AssessmentId, string SystemName, string Stamp)
{
    public string? RoundName { get; init; }

    public DateOnly? Deadline { get; init; }

    public bool Started { get; init; }

    public bool Returned { get; init; }

    /// <summary>Steps done so far and the number of steps, when started.</summary>
    public int StepsDone { get; init; }

    public int StepCount { get; init; }
}

/// <summary>
/// The list card: one block per system with its deadline and progress, and a Begin/Continue button (<c>assessment.open</c>).
/// Paged, so an owner of many systems stays within the 28 KB activity limit (teams-bot-protocol.md §4.4).
/// </summary>
public static class MyAssessmentsCard
{
    /// <summary>Items per page: about 1.4 KB each as UTF-16, so a page stays far below the limit.</summary>
    public const int PageSize = 8;

    public static JsonObject Build(MyAssessmentsCardModel model, Language language)
    {
        string T(string key) => CardTexts.Get(key, language);
        List<JsonNode> body = [Elements.Heading(T("list.title"))];
        if (model.Items.Count == 0)
        {
            body.Add(Elements.Text(T("list.empty")));
        }

        var pageCount = Math.Max(1, (model.Items.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(model.Page, 0, pageCount - 1);
        var shown = model.Items.Skip(page * PageSize).Take(PageSize).ToList();
        if (pageCount > 1)
        {
            body.Add(Elements.Text(CardTexts.Format("list.showing", language,
                ("from", CardFormat.Whole((page * PageSize) + 1)), ("to", CardFormat.Whole((page * PageSize) + shown.Count)), ("total", CardFormat.Whole(model.Items.Count)))));
        }

        foreach (var item in shown)
        {
            body.Add(Elements.Subheading(item.SystemName));
            List<(string, string)> facts = [];
            if (item.RoundName is { } round)
            {
                facts.Add((T("list.round"), round));
            }

            if (item.Deadline is { } deadline)
            {
                facts.Add((T("list.deadline"), CardFormat.Date(deadline, language)));
            }

            facts.Add((T("list.status"), Status(item, language)));
            body.Add(Elements.Facts(facts));
            var data = new CardActionData(CardVerbs.Open) { AssessmentId = item.AssessmentId, Stamp = item.Stamp };
            body.Add(Elements.ActionSet([Elements.Execute(T(item.Started ? "list.continue" : "list.begin"), data, style: "positive")]));
        }

        if (pageCount > 1)
        {
            body.Add(Elements.ActionSet([.. PageButtons(page, pageCount, language)]));
        }

        return CardEnvelope.Create(body);
    }

    private static IEnumerable<JsonObject> PageButtons(int page, int pageCount, Language language)
    {
        if (page > 0)
        {
            yield return Elements.Execute(CardTexts.Get("list.previous", language), new CardActionData(CardVerbs.Start) { Page = page - 1 });
        }

        if (page < pageCount - 1)
        {
            yield return Elements.Execute(CardTexts.Get("list.next", language), new CardActionData(CardVerbs.Start) { Page = page + 1 });
        }
    }

    private static string Status(AssessmentListItem item, Language language)
    {
        if (item.Returned)
        {
            return CardTexts.Get("list.status_returned", language);
        }

        return item.Started
            ? CardTexts.Format("list.status_progress", language, ("done", CardFormat.Whole(item.StepsDone)), ("count", CardFormat.Whole(item.StepCount)))
            : CardTexts.Get("list.status_not_started", language);
    }
}
