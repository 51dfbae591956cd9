using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Cards.Flow;

/// <summary>Step 4 (EventsStepView): the catalogue's events by group, the owner's custom events, and C/I/A for a new one.</summary>
public sealed record EventsCardModel(
    FlowFrame Frame,
    IReadOnlyList<CardEventGroup> Groups,
    IReadOnlyList<CardEventOption> CustomEvents,
    IReadOnlyList<CardDimension> Dimensions);

public sealed record CardEventGroup(string Id, string Label, IReadOnlyList<CardEventOption> Events);

/// <summary>One event to keep or drop; <see cref="Selected"/> and <see cref="DeselectionReason"/> are the input's values.</summary>
public sealed record CardEventOption(
    CardEvent Event,
    EventOrigin Origin,
    bool Selected,
    string? DeselectionReason,
    bool ReasonRequiredToDeselect,
    bool RequiredByComplianceGap,
    bool Scored);

/// <summary>
/// The events card: a toggle per event (<c>selected[ID]</c>, baseline and suggested ones pre-selected by the model),
/// a reason input for each pre-selected event (<c>deselectionReasons[ID]</c>), and one new custom event
/// (<c>newCustomEvents[0].name</c>, <c>.description</c>, <c>.C</c>/<c>.I</c>/<c>.A</c>) added with "Add event".
/// Descriptions are left out: the full catalogue must fit the 28 KB budget.
/// </summary>
public static class EventsCard
{
    public static JsonObject Build(EventsCardModel model, Language language)
    {
        var errors = model.Frame.Errors;
        List<JsonNode> content =
        [
            Elements.Text(CardTexts.Get("events.intro", language)),
            .. ErrorBlocks.For(errors, CardInputIds.Selected),
        ];
        foreach (var group in model.Groups)
        {
            content.Add(Elements.Subheading(group.Label));
            content.AddRange(group.Events.SelectMany(e => Option(e, errors, language)));
        }

        if (model.CustomEvents.Count > 0)
        {
            content.Add(Elements.Subheading(CardTexts.Get("events.custom", language)));
            content.AddRange(model.CustomEvents.SelectMany(e => Option(e, errors, language)));
        }

        content.AddRange(NewEvent(model.Dimensions, errors, language));
        var add = Elements.Execute(CardTexts.Get("events.add", language), model.Frame.Action(CardVerbs.Save));
        return FlowChrome.Card(model.Frame, language, "events.title", content, [add]);
    }

    private static IEnumerable<JsonNode> Option(CardEventOption option, IReadOnlyList<CardFieldError> errors, Language language)
    {
        var e = option.Event;
        var marks = new List<string> { string.Join(", ", e.Cia.Select(d => d.Id)) };
        if (option.Origin is EventOrigin.Baseline or EventOrigin.Suggested)
        {
            marks.Add(CardTexts.Get("events.origin." + option.Origin.ToString().ToLowerInvariant(), language));
        }

        if (option.RequiredByComplianceGap)
        {
            marks.Add(CardTexts.Get("events.required_by_gap", language));
        }

        if (option.Scored)
        {
            marks.Add(CardTexts.Get("events.scored", language));
        }

        yield return Elements.Toggle(CardInputIds.EventSelected(e.Id), $"{e.Name} ({string.Join(" · ", marks)})", option.Selected);
        foreach (var error in ErrorBlocks.For(errors, CardInputIds.EventSelected(e.Id)))
        {
            yield return error;
        }

        if (option.ReasonRequiredToDeselect)
        {
            var reasonId = CardInputIds.DeselectionReason(e.Id);
            yield return Elements.TextInput(reasonId, CardTexts.Get("events.reason_label", language), option.DeselectionReason, placeholder: CardTexts.Get("events.reason_placeholder", language));
            foreach (var error in ErrorBlocks.For(errors, reasonId))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<JsonNode> NewEvent(IReadOnlyList<CardDimension> dimensions, IReadOnlyList<CardFieldError> errors, Language language)
    {
        yield return Elements.Subheading(CardTexts.Get("events.new", language));
        foreach (var element in ErrorBlocks.With(Elements.TextInput(CardInputIds.NewEventName, CardTexts.Get("events.new_name", language), null, maxLength: 120), errors, CardInputIds.NewEventName))
        {
            yield return element;
        }

        yield return Elements.TextInput(CardInputIds.NewEventDescription, CardTexts.Get("events.new_description", language), null, multiline: true);
        yield return Elements.Text(CardTexts.Get("events.new_affects", language));
        foreach (var dimension in dimensions)
        {
            yield return Elements.Toggle(CardInputIds.NewEventDimension(dimension.Dimension), $"{dimension.Id} {dimension.Label}", false);
        }

        foreach (var error in ErrorBlocks.For(errors, "newCustomEvents[0].cia"))
        {
            yield return error;
        }
    }
}
