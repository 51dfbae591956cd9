using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>
/// Step 4: the catalogue's events by group, baseline and suggested ones marked and pre-selected, and the owner's
/// custom events (risk-method.md §2.1 step 4, §3.5 rule 6).
/// </summary>
public sealed record EventsStepView : StepView
{
    /// <summary>The catalogue's groups in catalogue order, each with its events in catalogue order.</summary>
    public required IReadOnlyList<EventGroupView> Groups { get; init; }

    /// <summary>Events the owner added for this assessment; dropping one needs no reason.</summary>
    public required IReadOnlyList<EventOptionView> CustomEvents { get; init; }

    /// <summary>C, I and A with their labels, for a new custom event's flags.</summary>
    public required IReadOnlyList<DimensionView> Dimensions { get; init; }

    public required EventsStepInput Input { get; init; }
}

public sealed record EventGroupView(string Id, string Label, IReadOnlyList<EventOptionView> Events);

/// <summary>
/// One event to keep or drop. <see cref="Selected"/> and <see cref="DeselectionReason"/> follow the input;
/// <see cref="Scored"/> tells the renderer that dropping the event discards its score.
/// </summary>
public sealed record EventOptionView(
    EventView Event,
    EventOrigin Origin,
    bool Selected,
    string? DeselectionReason,
    bool ReasonRequiredToDeselect,
    bool RequiredByComplianceGap,
    bool Scored);

internal static class EventsStep
{
    public static StepOutcome Apply(Assessment assessment, EventsStepInput input, FlowRules rules)
    {
        var errors = new List<FieldError>();
        var updated = assessment;
        var selected = new HashSet<string>(input.Selected, StringComparer.Ordinal);
        var custom = input.NewCustomEvents ?? [];
        for (var i = 0; i < custom.Count; i++)
        {
            var id = rules.Ids.NewId();
            var added = EventSelection.AddCustom(updated, id, custom[i].Name ?? string.Empty, custom[i].Description, custom[i].Cia ?? []);
            if (added.IsSuccess)
            {
                updated = added.Value;
                selected.Add(id);
            }
            else
            {
                var index = i;
                errors.AddRange(added.Errors.Select(e => new FieldError(CustomField(index, e), e)));
            }
        }

        var chosen = EventSelection.Choose(updated, rules.Catalogue, selected, input.DeselectionReasons ?? new Dictionary<string, string>());
        if (!chosen.IsSuccess)
        {
            errors.AddRange(chosen.Errors.Select(e => new FieldError(ChoiceField(e), e)));
        }

        // Completeness would refuse the submission later (§7); the owner learns it here, where the event is dropped.
        foreach (var required in Flags.RequiredByGaps(assessment.Facts, rules.Method).Where(id => !selected.Contains(id)))
        {
            errors.Add(new FieldError(FlowFields.Selected, DomainError.Of(AssessmentErrorCodes.ComplianceGapEventRequired, ("event", required))));
        }

        return errors.Count > 0 ? StepOutcome.Refused(assessment, errors) : StepOutcome.Saved(chosen.Value);
    }

    public static EventsStepView Build(Assessment assessment, EventsStepInput? pending, FlowRules rules, ViewText text)
    {
        var input = pending ?? new EventsStepInput(
            [.. assessment.SelectedEvents.Select(e => e.EventId)],
            assessment.Events.Where(e => e.DeselectionReason is not null).ToDictionary(e => e.EventId, e => e.DeselectionReason!, StringComparer.Ordinal),
            []);
        var selected = new HashSet<string>(input.Selected, StringComparer.Ordinal);
        var reasons = input.DeselectionReasons ?? new Dictionary<string, string>();
        var required = Flags.RequiredByGaps(assessment.Facts, rules.Method);
        var origins = assessment.Events.ToDictionary(e => e.EventId, e => e.Origin, StringComparer.Ordinal);

        EventOptionView Option(CatalogueEvent e)
        {
            var origin = origins.TryGetValue(e.Id, out var o) ? o : e.Custom ? EventOrigin.Custom : EventOrigin.AddedByOwner;
            return new EventOptionView(
                text.Event(e),
                origin,
                selected.Contains(e.Id),
                reasons.TryGetValue(e.Id, out var reason) ? reason : null,
                ReasonRequiredToDeselect: origin == EventOrigin.Baseline,
                RequiredByComplianceGap: required.Contains(e.Id),
                Scored: assessment.Line(e.Id) is not null);
        }

        return new EventsStepView
        {
            Groups = [.. rules.Catalogue.Groups.Select(g => new EventGroupView(
                g.Id, text.Of(g.Label), [.. rules.Catalogue.Events.Where(e => e.Group == g.Id && !e.Custom).Select(Option)]))],
            CustomEvents = [.. assessment.CustomEvents.Select(Option)],
            Dimensions = text.Dimensions(),
            Input = input,
        };
    }

    private static string ChoiceField(DomainError error) =>
        error.Code == AssessmentErrorCodes.BaselineDeselectedWithoutReason && error.Args.TryGetValue("event", out var id)
            ? FlowFields.DeselectionReason(id)
            : FlowFields.Selected;

    private static string CustomField(int index, DomainError error) =>
        FlowFields.CustomEvent(index, error.Code == AssessmentErrorCodes.CustomEventNeedsDimension ? "cia" : "name");
}
