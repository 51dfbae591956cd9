using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Workflow;

namespace Norddjurs.TeamsRisk.Cards.Escalation;

/// <summary>
/// The decision card of one escalation (design.md §3), sent to the band's authority in their 1:1 chat. One card, three
/// views (<see cref="EscalationCardMode"/>); <c>escalation.view</c> rebuilds it for whoever asks, and a decision answers
/// with the decided view. Acceptance is not offered for a compliance gap: the server refuses it too.
/// </summary>
public static class EscalationCard
{
    /// <summary>What a justification or a required measure may hold; the card's <c>maxLength</c> and the bot's check agree.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>A case number or a minutes reference.</summary>
    public const int MaxReferenceLength = 200;

    public static JsonObject Build(EscalationCardModel model, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        string T(string key) => CardTexts.Get(key, language);
        var title = model.Mode == EscalationCardMode.Decided ? "escalation.title_decided" : "escalation.title";
        List<JsonNode> body = [Elements.Heading(CardTexts.Format(title, language, ("system", model.System)))];
        body.Add(Elements.Facts(
        [
            (T("escalation.fact.system"), model.System),
            (T("escalation.fact.owner"), model.Owner),
            (T("escalation.fact.appetite"), model.Appetite.Label),
            (T("escalation.fact.authority"), model.AuthorityLabel),
            (T("escalation.fact.assessment"), model.AssessmentId),
        ]));
        if (model.Notice is { Length: > 0 } notice)
        {
            body.Add(Elements.Container([Elements.Text(notice, bold: true)], "warning"));
        }

        body.AddRange(ErrorBlocks.Summary(model.Errors, language));
        if (model.Decision is { } decision)
        {
            body.Add(Decision(decision, language));
        }

        body.Add(BandBadge.Of(model.Score.Band, $"{model.EventName} · {SummaryCard.PointsBand(model.Score, language)}"));
        if (model.ComplianceGap is { Length: > 0 } gap)
        {
            body.Add(Elements.Container([Elements.Text(CardTexts.Format("escalation.compliance_gap", language, ("gap", gap)), bold: true)], "attention"));
        }

        body.AddRange(Proposal(model.Proposal, language));
        body.Add(Elements.Container([Elements.Text(CardTexts.Format("committee.recommendation", language, ("text", model.Recommendation)), size: "Small")], "emphasis"));
        if (model.Mode == EscalationCardMode.Actionable)
        {
            body.AddRange(Actions(model, language));
        }
        else if (model.Mode == EscalationCardMode.ReadOnly)
        {
            body.Add(Elements.Text(T("escalation.waiting"), subtle: true, separator: true));
        }

        // No refresh: the card lives in one person's chat, and the answer to their action replaces it there.
        return CardSize.EnsureFits(CardEnvelope.Create(body));
    }

    private static CardActionData Target(EscalationCardModel model, string verb) =>
        new(verb) { EscalationId = model.EscalationId, AssessmentId = model.AssessmentId, Stamp = model.Stamp };

    private static IEnumerable<JsonObject> Proposal(EscalationCardProposal? proposal, Language language)
    {
        yield return Elements.Subheading(CardTexts.Get("escalation.proposal", language));
        if (proposal is null)
        {
            yield return Elements.Text(CardTexts.Get("summary.no_treatment", language));
            yield break;
        }

        var kind = CardTexts.Get("treatment.kind." + proposal.Kind.ToString().ToLowerInvariant(), language);
        yield return Elements.Text(proposal.Residual is { } residual
            ? kind + " · " + CardTexts.Format("summary.residual", language, ("points_band", SummaryCard.PointsBand(residual, language)))
            : kind, bold: true);
        if (proposal.Justification is { Length: > 0 } justification)
        {
            yield return Elements.Text(CardTexts.Format("committee.justification", language, ("text", justification)), size: "Small", subtle: true);
        }

        foreach (var measure in proposal.Measures)
        {
            yield return Elements.Text("• " + MeasureText(measure, language), size: "Small");
        }
    }

    private static string MeasureText(EscalationCardMeasure measure, Language language) => measure.Deadline is { } deadline
        ? CardTexts.Format("escalation.measure", language, ("measure", measure.Description), ("responsible", measure.Responsible), ("date", CardFormat.Date(deadline, language)))
        : CardTexts.Format("escalation.interim_measure", language, ("measure", measure.Description), ("responsible", measure.Responsible));

    /// <summary>Three sections, each with its inputs and its button; an error shows next to its input.</summary>
    private static IEnumerable<JsonObject> Actions(EscalationCardModel model, Language language)
    {
        string T(string key) => CardTexts.Get(key, language);
        IEnumerable<JsonObject> With(JsonObject input, string id) => ErrorBlocks.With(input, model.Errors, id);

        yield return Elements.Subheading(T("escalation.endorse.heading"));
        yield return Elements.Text(T("escalation.endorse.hint"), size: "Small", subtle: true);
        foreach (var measure in model.Proposal?.Measures.Where(m => m.Id is not null && m.Deadline is not null) ?? [])
        {
            var id = CardInputIds.ShortenedDeadline(measure.Id!);
            var typed = model.Typed.GetValueOrDefault(id) is { } text && DateOnly.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var date) ? date : measure.Deadline;
            var input = Elements.DateInput(id, CardTexts.Format("escalation.endorse.deadline", language, ("measure", measure.Description)), typed, model.Today);
            input["max"] = CardFormat.IsoDate(measure.Deadline!.Value);
            foreach (var element in With(input, id))
            {
                yield return element;
            }
        }

        yield return Elements.ActionSet([Elements.Execute(T("escalation.endorse"), Target(model, CardVerbs.EscalationEndorse), style: "positive")]);

        yield return Elements.Subheading(T("escalation.require.heading"));
        foreach (var element in With(Elements.TextInput(CardInputIds.RequiredMeasure, T("escalation.require.measure"),
            model.Typed.GetValueOrDefault(CardInputIds.RequiredMeasure), T("escalation.require.placeholder"), multiline: true, maxLength: MaxTextLength), CardInputIds.RequiredMeasure))
        {
            yield return element;
        }

        foreach (var element in With(Elements.DateInput(CardInputIds.RequiredDeadline, T("escalation.require.deadline"), TypedDate(model, CardInputIds.RequiredDeadline), model.Today), CardInputIds.RequiredDeadline))
        {
            yield return element;
        }

        yield return Elements.ActionSet([Elements.Execute(T("escalation.require"), Target(model, CardVerbs.EscalationRequire))]);

        yield return Elements.Subheading(T("escalation.accept.heading"));
        if (model.ComplianceGap is not null)
        {
            yield return Elements.Text(T("escalation.accept.not_for_gap"), subtle: true);
            yield break;
        }

        foreach (var element in With(Elements.TextInput(CardInputIds.AcceptJustification, T("escalation.accept.justification"),
            model.Typed.GetValueOrDefault(CardInputIds.AcceptJustification), T("escalation.accept.justification_placeholder"), multiline: true, maxLength: MaxTextLength), CardInputIds.AcceptJustification))
        {
            yield return element;
        }

        var until = Elements.DateInput(CardInputIds.AcceptUntil,
            CardTexts.Format("escalation.accept.until", language, ("months", CardFormat.Whole(model.AcceptanceMaxMonths))), TypedDate(model, CardInputIds.AcceptUntil), model.Today?.AddDays(1));
        if (model.LatestAcceptanceEnd is { } latest)
        {
            until["max"] = CardFormat.IsoDate(latest);
        }

        foreach (var element in With(until, CardInputIds.AcceptUntil))
        {
            yield return element;
        }

        yield return Elements.TextInput(CardInputIds.AcceptCaseNumber, T("escalation.accept.case_number"), model.Typed.GetValueOrDefault(CardInputIds.AcceptCaseNumber), maxLength: MaxReferenceLength);
        yield return Elements.TextInput(CardInputIds.AcceptMinutes, T("escalation.accept.minutes"), model.Typed.GetValueOrDefault(CardInputIds.AcceptMinutes), maxLength: MaxReferenceLength);
        yield return Elements.ActionSet([Elements.Execute(T("escalation.accept"), Target(model, CardVerbs.EscalationAccept), style: "destructive")]);
    }

    private static DateOnly? TypedDate(EscalationCardModel model, string id) =>
        DateOnly.TryParseExact(model.Typed.GetValueOrDefault(id), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    private static JsonObject Decision(EscalationCardDecision decision, Language language)
    {
        var by = decision.ByName ?? CardTexts.Get("committee.decision.someone", language);
        var key = decision.Kind switch
        {
            EscalationDecisionKind.EndorseMeasures => "escalation.decided.endorsed",
            EscalationDecisionKind.RequireMeasures => "escalation.decided.required",
            _ => "escalation.decided.accepted",
        };
        List<JsonNode> items = [Elements.Text(CardTexts.Format(key, language, ("name", by), ("date", CardFormat.Date(decision.On, language))), bold: true)];
        if (decision.AcceptedUntil is { } until)
        {
            items.Add(Elements.Text(CardTexts.Format("escalation.decided.until", language, ("date", CardFormat.Date(until, language)))));
        }

        if (decision.Justification is { Length: > 0 } justification)
        {
            items.Add(Elements.Text(CardTexts.Format("committee.justification", language, ("text", justification)), size: "Small"));
        }

        var references = new[] { decision.CaseNumber, decision.MinutesReference }.Where(r => r is { Length: > 0 }).ToList();
        if (references.Count > 0)
        {
            items.Add(Elements.Text(CardTexts.Format("escalation.decided.references", language, ("references", string.Join(" · ", references))), size: "Small", subtle: true));
        }

        foreach (var measure in decision.RequiredMeasures)
        {
            items.Add(Elements.Text("• " + MeasureText(measure, language), size: "Small"));
        }

        return Elements.Container(items, decision.Kind == EscalationDecisionKind.Accept ? "warning" : "good");
    }
}
