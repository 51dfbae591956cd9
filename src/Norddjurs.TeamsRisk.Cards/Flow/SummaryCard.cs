using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Cards.Flow;

/// <summary>Step 7 (SummaryStepView): every line, the headline, the flags, what stops submission, and where to jump.</summary>
public sealed record SummaryCardModel(
    FlowFrame Frame,
    IReadOnlyList<CardProfileValue> Profile,
    IReadOnlyList<CardSummaryLine> Lines,
    IReadOnlyList<CardDeselectedEvent> Deselected,
    CardHeadline Headline,
    CardHeadline ResidualHeadline,
    AssessmentFlags Flags,
    IReadOnlyList<CardCompletenessIssue> Issues,
    bool CanSubmit,
    IReadOnlyList<CardJumpTarget> JumpTargets);

public sealed record CardProfileValue(CardDimension Dimension, int Suggested, CardLevel Value, ProfileSource Source, string? Reason);

public sealed record CardSummaryLine(CardEvent Event, CardScore? Score, TreatmentKind? Treatment, int MeasureCount, CardScore? Residual, bool OverrideFlagged);

public sealed record CardDeselectedEvent(CardEvent Event, string? Reason);

/// <summary>The highest band and the count per band; never a sum or an average (risk-method.md §3.3).</summary>
public sealed record CardHeadline(CardBand? Highest, IReadOnlyList<CardBandCount> Counts, int AboveAppetite);

public sealed record CardBandCount(CardBand Band, int Count);

public sealed record CardCompletenessIssue(string Message, CardStep? Target);

/// <summary>A step the summary may jump to; Score and Treatment steps carry their event's name.</summary>
public sealed record CardJumpTarget(CardStep Step, string? EventName = null);

/// <summary>
/// The summary card. One line per event in its band's colour with the label; jumping goes through one choice
/// (<c>jumpTarget</c>, values like <c>Score:CYB-RANSOM</c>) and one button, so the card stays small with 30 lines.
/// Submit (<c>flow.submit</c>) is offered only when the assessment is complete. When many custom events push the card
/// over the size budget, the lines drop their treatment and residual and the card says the tab has the full summary.
/// </summary>
public static class SummaryCard
{
    public static JsonObject Build(SummaryCardModel model, Language language)
    {
        var card = Build(model, language, shortened: false);
        return CardSize.Fits(card) ? card : Build(model, language, shortened: true);
    }

    private static JsonObject Build(SummaryCardModel model, Language language, bool shortened)
    {
        string T(string key) => CardTexts.Get(key, language);
        List<JsonNode> content = [.. Headline(model.Headline, "summary.headline", language)];
        content.AddRange(Flags(model.Flags, language));
        if (model.Profile.Count > 0)
        {
            content.Add(Elements.Facts(model.Profile.Select(p => (p.Dimension.Label, ProfileText(p, language)))));
        }

        content.Add(Elements.Subheading(T("summary.lines")));
        content.AddRange(model.Lines.Select(line => Line(line, language, shortened)));
        if (shortened)
        {
            content.Add(Elements.Text(T("summary.shortened"), subtle: true));
        }

        if (model.Deselected.Count > 0)
        {
            content.Add(Elements.Subheading(T("summary.deselected")));
            content.AddRange(model.Deselected.Select(d => Elements.Text($"{d.Event.Name} – {d.Reason ?? T("summary.no_reason")}", size: "Small")));
        }

        if (model.ResidualHeadline.Highest is not null)
        {
            content.AddRange(Headline(model.ResidualHeadline, "summary.residual_headline", language));
        }

        if (model.Issues.Count > 0)
        {
            content.Add(Elements.Container(
                [Elements.Text(T("summary.issues"), bold: true, color: "Attention"),
                 .. model.Issues.Select(i => Elements.Text("• " + i.Message, color: "Attention"))],
                "attention"));
        }

        List<JsonObject> actions = [];
        if (model.JumpTargets.Count > 0)
        {
            var first = model.Issues.Select(i => i.Target).FirstOrDefault(t => t is not null) ?? model.JumpTargets[0].Step;
            content.Add(Elements.Choices(CardInputIds.JumpTarget, T("summary.jump_label"),
                JumpChoices(model, shortened).Select(t => (JumpTitle(t, language), t.Step.Token)), first.Token, expanded: false));
            actions.Add(Elements.Execute(T("summary.jump"), model.Frame.Action(CardVerbs.Jump)));
        }

        if (model.CanSubmit)
        {
            actions.Insert(0, Elements.Execute(T("summary.submit"), model.Frame.Action(CardVerbs.Submit), style: "positive"));
        }

        return FlowChrome.Card(model.Frame with { CanGoNext = false }, language, "summary.title", content, actions);
    }

    internal static IEnumerable<JsonNode> Headline(CardHeadline headline, string titleKey, Language language)
    {
        yield return Elements.Subheading(CardTexts.Get(titleKey, language));
        if (headline.Highest is { } highest)
        {
            yield return BandBadge.Of(highest, CardTexts.Format("summary.highest", language, ("band", highest.Label)));
        }

        var counts = headline.Counts.Select(c => $"{c.Band.Label}: {CardFormat.Whole(c.Count)}");
        yield return Elements.Text(string.Join(" · ", counts));
        yield return Elements.Text(CardTexts.Format("summary.above_appetite", language, ("count", CardFormat.Whole(headline.AboveAppetite))),
            color: headline.AboveAppetite > 0 ? "Attention" : null);
    }

    /// <summary>In the neutral emphasis style: the band colours mean bands only.</summary>
    internal static IEnumerable<JsonNode> Flags(AssessmentFlags flags, Language language)
    {
        string T(string key) => CardTexts.Get(key, language);
        List<string> raised = [];
        if (flags.ConsiderDpia)
        {
            raised.Add(T("summary.flag_dpia"));
        }

        if (flags.PriorConsultationMayBeRequired)
        {
            raised.Add(T("summary.flag_prior_consultation"));
        }

        if (flags.ThirdCountryTransfer)
        {
            raised.Add(T("summary.flag_third_country"));
        }

        raised.AddRange(flags.ComplianceGaps.Select(gap => CardTexts.Format("summary.flag_compliance_gap", language, ("gap", gap))));
        if (flags.ProcurementHold)
        {
            raised.Add(T("summary.flag_procurement_hold"));
        }

        if (flags.LoweredOverrides.Count > 0)
        {
            raised.Add(CardTexts.Format("summary.flag_lowered_overrides", language, ("count", CardFormat.Whole(flags.LoweredOverrides.Count))));
        }

        if (raised.Count == 0)
        {
            yield break;
        }

        yield return Elements.Container(
            [Elements.Text(T("summary.flags"), bold: true), .. raised.Select(r => Elements.Text("⚑ " + r))], "emphasis");
    }

    private static string ProfileText(CardProfileValue p, Language language)
    {
        var text = CardTexts.Format("summary.profile_value", language,
            ("value", $"{p.Value.Value} {p.Value.Label}"), ("suggested", CardFormat.Whole(p.Suggested)));
        return p.Reason is { Length: > 0 } reason ? $"{text} – {reason}" : text;
    }

    /// <summary>"Strømsvigt · 2 point · Lav · Accepter · rest 2 point · Lav", in the band's colour.</summary>
    private static JsonObject Line(CardSummaryLine line, Language language, bool shortened)
    {
        string T(string key) => CardTexts.Get(key, language);
        if (line.Score is not { } score)
        {
            return Elements.Container([Elements.Text($"{line.Event.Name} · {T("summary.not_scored")}")], "emphasis");
        }

        var parts = new List<string> { line.Event.Name, PointsBand(score, language) };
        if (shortened)
        {
            return BandBadge.Of(score.Band, string.Join(" · ", parts), bold: false);
        }

        if (line.Treatment is { } kind)
        {
            var treatment = T("treatment.kind." + kind.ToString().ToLowerInvariant());
            parts.Add(line.MeasureCount > 0
                ? CardTexts.Format("summary.treatment_with_measures", language, ("treatment", treatment), ("count", CardFormat.Whole(line.MeasureCount)))
                : treatment);
        }
        else
        {
            parts.Add(T("summary.no_treatment"));
        }

        if (line.Residual is { } residual && residual.Points != score.Points)
        {
            parts.Add(CardTexts.Format("summary.residual", language, ("points_band", PointsBand(residual, language))));
        }

        if (line.OverrideFlagged)
        {
            parts.Add(T("summary.override_flagged"));
        }

        // Not bold: thirty bold lines cost 600 characters of the budget and read no better.
        return BandBadge.Of(score.Band, string.Join(" · ", parts), bold: false);
    }

    /// <summary>Shortened, the list keeps every step but the treatments no issue names (the tab reaches those).</summary>
    private static IEnumerable<CardJumpTarget> JumpChoices(SummaryCardModel model, bool shortened) => shortened
        ? model.JumpTargets.Where(t => t.Step.Kind != CardStepKind.Treatment || model.Issues.Any(i => i.Target == t.Step))
        : model.JumpTargets;

    internal static string PointsBand(CardScore score, Language language) =>
        CardTexts.Format("score.points_band", language, ("points", CardFormat.Whole(score.Points)), ("band", score.Band.Label));

    private static string JumpTitle(CardJumpTarget target, Language language) => target.Step.Kind switch
    {
        CardStepKind.Score or CardStepKind.Treatment => CardTexts.Format("summary.jump." + target.Step.Kind.ToString().ToLowerInvariant(), language,
            ("event", target.EventName ?? target.Step.EventId ?? string.Empty)),
        _ => CardTexts.Get("summary.jump." + target.Step.Kind.ToString().ToLowerInvariant(), language),
    };
}
