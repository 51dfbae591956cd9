using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Committee;

/// <summary>
/// The committee's card of one submission, posted as a new thread in its channel. One card, three views
/// (<see cref="CommitteeCardMode"/>): everyone gets the read-only card; the card's <c>refresh</c> lets each member's client
/// fetch the actionable view (teams-bot-protocol.md §4.3), and a decision replaces the card for everyone (PUT).
/// Too many lines for the size budget drop the measures, reasons and placeholders; the tab has them in full.
/// </summary>
public static class CommitteeCard
{
    /// <summary>What a recommendation or a comment may hold; the card's <c>maxLength</c> and the bot's check agree.</summary>
    public const int MaxTextLength = 2000;

    public static JsonObject Build(CommitteeCardModel model, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        var card = Build(model, language, shortened: false);
        return CardSize.Fits(card) ? card : Build(model, language, shortened: true);
    }

    private static JsonObject Build(CommitteeCardModel model, Language language, bool shortened)
    {
        string T(string key) => CardTexts.Get(key, language);
        List<JsonNode> body = [Elements.Heading(CardTexts.Format("committee.title", language, ("system", model.System)))];
        body.Add(Elements.Facts(Facts(model, language)));
        if (model.Notice is { Length: > 0 } notice)
        {
            body.Add(Elements.Container([Elements.Text(notice, bold: true)], "warning"));
        }

        body.AddRange(ErrorBlocks.Summary(model.Errors, language));
        if (model.Decision is { } decision)
        {
            body.Add(Decision(decision, language));
        }

        body.AddRange(SummaryCard.Headline(model.Headline, "summary.headline", language));
        body.AddRange(SummaryCard.Flags(model.Flags, language));
        body.Add(Elements.Subheading(T("committee.lines")));
        foreach (var line in model.Lines)
        {
            body.AddRange(Line(model, line, language, shortened));
        }

        if (shortened)
        {
            body.Add(Elements.Text(T("committee.shortened"), subtle: true));
        }

        body.AddRange(Footer(model, language));
        var refresh = model.Mode == CommitteeCardMode.Decided ? null : new CardActionData(CardVerbs.CommitteeView) { AssessmentId = model.AssessmentId };
        return CardEnvelope.Create(body, refresh, model.RefreshUserIds);
    }

    private static IEnumerable<(string, string)> Facts(CommitteeCardModel model, Language language)
    {
        string T(string key) => CardTexts.Get(key, language);
        yield return (T("committee.fact.system"), model.System);
        yield return (T("committee.fact.owner"), model.Owner);
        if (model.Round is { Length: > 0 } round)
        {
            yield return (T("committee.fact.round"), round);
        }

        if (model.SubmittedOn is { } submitted)
        {
            yield return (T("committee.fact.submitted"), CardFormat.Date(submitted, language));
        }

        yield return (T("committee.fact.assessment"), model.AssessmentId);
    }

    private static JsonObject Decision(CommitteeCardDecision decision, Language language)
    {
        var by = decision.ByName ?? CardTexts.Get("committee.decision.someone", language);
        var text = CardTexts.Format(decision.Approved ? "committee.decision.approved" : "committee.decision.returned", language,
            ("name", by), ("date", CardFormat.Date(decision.On, language)));
        List<JsonNode> items = [Elements.Text(text, bold: true)];
        if (decision.Comment is { Length: > 0 } comment)
        {
            items.Add(Elements.Text(CardTexts.Format("committee.decision.comment", language, ("comment", comment))));
        }

        return Elements.Container(items, decision.Approved ? "good" : "warning");
    }

    /// <summary>
    /// The line in its band's colour, the owner's proposal below it, then the recommendation: as written, or its input.
    /// Shortened, the proposal joins the line and the input keeps only what it needs.
    /// </summary>
    private static IEnumerable<JsonObject> Line(CommitteeCardModel model, CommitteeCardLine line, Language language, bool shortened)
    {
        string T(string key) => CardTexts.Get(key, language);
        var heading = $"{line.EventName} · {SummaryCard.PointsBand(line.Score, language)}";
        var proposal = CardTexts.Format("committee.proposal", language, ("proposal", Proposal(line, language)));
        if (shortened)
        {
            yield return BandBadge.Of(line.Score.Band, $"{heading} · {proposal}", bold: false);
        }
        else
        {
            yield return BandBadge.Of(line.Score.Band, heading);
            yield return Elements.Text(proposal, size: "Small");
            foreach (var detail in Details(line.Treatment, language))
            {
                yield return detail;
            }
        }

        if (model.Mode == CommitteeCardMode.Actionable && line.NeedsRecommendation)
        {
            var id = CardInputIds.Recommendation(line.EventId);
            var input = shortened
                ? Elements.TextInput(id, T("committee.recommendation_short"), model.Typed.GetValueOrDefault(id), maxLength: MaxTextLength)
                : Elements.TextInput(id, CardTexts.Format("committee.recommendation_label", language, ("event", line.EventName)),
                    model.Typed.GetValueOrDefault(id), T("committee.recommendation_placeholder"), multiline: true, maxLength: MaxTextLength);
            foreach (var element in ErrorBlocks.With(input, model.Errors, id))
            {
                yield return element;
            }
        }
        else if (line.Recommendation is { Length: > 0 } recommendation)
        {
            yield return Elements.Container([Elements.Text(CardTexts.Format("committee.recommendation", language, ("text", recommendation)), size: "Small")], "emphasis");
        }
    }

    /// <summary>"Reducér med tiltag · rest 3 point · Lav", or that there is no treatment.</summary>
    private static string Proposal(CommitteeCardLine line, Language language)
    {
        if (line.Treatment is not { } treatment)
        {
            return CardTexts.Get("summary.no_treatment", language);
        }

        var proposal = CardTexts.Get("treatment.kind." + treatment.Kind.ToString().ToLowerInvariant(), language);
        return treatment.Residual is { } residual && residual.Points != line.Score.Points
            ? proposal + " · " + CardTexts.Format("summary.residual", language, ("points_band", SummaryCard.PointsBand(residual, language)))
            : proposal;
    }

    /// <summary>The owner's reason and measures, each with its deadline.</summary>
    private static IEnumerable<JsonObject> Details(CommitteeCardTreatment? treatment, Language language)
    {
        if (treatment is null)
        {
            yield break;
        }

        if (treatment.Justification is { Length: > 0 } justification)
        {
            yield return Elements.Text(CardTexts.Format("committee.justification", language, ("text", justification)), size: "Small", subtle: true);
        }

        foreach (var measure in treatment.Measures)
        {
            var text = measure.Deadline is { } deadline
                ? CardTexts.Format("committee.measure", language, ("measure", measure.Description), ("date", CardFormat.Date(deadline, language)))
                : CardTexts.Format("committee.interim_measure", language, ("measure", measure.Description));
            yield return Elements.Text("• " + text, size: "Small");
        }
    }

    private static IEnumerable<JsonObject> Footer(CommitteeCardModel model, Language language)
    {
        string T(string key) => CardTexts.Get(key, language);
        var target = new CardActionData(CardVerbs.CommitteeView) { AssessmentId = model.AssessmentId };
        switch (model.Mode)
        {
            case CommitteeCardMode.ReadOnly:
                yield return Elements.Text(T("committee.waiting"), subtle: true, separator: true);
                // Where the client does not refresh by itself (the Agents Playground, older clients), a member asks for their view.
                yield return Elements.ActionSet([Elements.Execute(T("committee.review"), target with { Verb = CardVerbs.CommitteeReview })]);
                break;
            case CommitteeCardMode.Actionable:
                var comment = Elements.TextInput(CardInputIds.ReturnComment, T("committee.comment_label"),
                    model.Typed.GetValueOrDefault(CardInputIds.ReturnComment), T("committee.comment_placeholder"), multiline: true, maxLength: MaxTextLength);
                comment["separator"] = true;
                foreach (var element in ErrorBlocks.With(comment, model.Errors, CardInputIds.ReturnComment))
                {
                    yield return element;
                }

                var decide = target with { Stamp = model.Stamp };
                yield return Elements.ActionSet(
                [
                    Elements.Execute(T("committee.approve"), decide with { Verb = CardVerbs.CommitteeApprove }, style: "positive"),
                    Elements.Execute(T("committee.return"), decide with { Verb = CardVerbs.CommitteeReturn }, style: "destructive"),
                ]);
                break;
        }
    }
}
