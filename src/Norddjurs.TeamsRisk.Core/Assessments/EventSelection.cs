using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>
/// Step 4: baseline events and those whose <c>suggestWhen</c> all hold are pre-selected; the owner may deselect
/// (a baseline event needs a reason, §3.5 rule 6), add catalogue events, or add a custom event with its own C/I/A flags.
/// </summary>
public static class EventSelection
{
    public static IReadOnlyList<EventChoice> Preselect(EventCatalogue catalogue, SystemFacts facts) =>
        catalogue.Events
            .Where(e => !e.Custom)
            .Select(e => e.Baseline
                ? new EventChoice(e.Id, EventOrigin.Baseline, Selected: true)
                : IsSuggested(e, facts)
                    ? new EventChoice(e.Id, EventOrigin.Suggested, Selected: true)
                    : new EventChoice(e.Id, EventOrigin.AddedByOwner, Selected: false))
            .ToList();

    /// <summary>An empty <c>suggestWhen</c> suggests nothing beyond baseline; otherwise all listed conditions must hold.</summary>
    public static bool IsSuggested(CatalogueEvent e, SystemFacts facts) =>
        e.SuggestWhen.Count > 0 && e.SuggestWhen.All(facts.Holds);

    /// <summary>
    /// The owner's selection: the ids to keep and reasons for what they drop. Events not in the catalogue or the
    /// assessment's custom events are refused. Lines of dropped events are removed; kept lines stay.
    /// </summary>
    public static Result<Assessment> Choose(Assessment assessment, EventCatalogue catalogue, IReadOnlySet<string> selected, IReadOnlyDictionary<string, string> deselectionReasons)
    {
        var errors = new List<DomainError>();
        foreach (var id in selected.Where(id => Find(assessment, catalogue, id) is null))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.UnknownEvent, ("event", id)));
        }

        var preselected = Preselect(catalogue, assessment.Facts);
        var choices = new List<EventChoice>();
        foreach (var choice in preselected)
        {
            var keep = selected.Contains(choice.EventId);
            deselectionReasons.TryGetValue(choice.EventId, out var reason);
            reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            if (!keep && choice.Origin == EventOrigin.Baseline && reason is null)
            {
                errors.Add(DomainError.Of(AssessmentErrorCodes.BaselineDeselectedWithoutReason, ("event", choice.EventId)));
            }

            var wasPreselected = choice.Selected;
            choices.Add(choice with { Selected = keep, DeselectionReason = keep || !wasPreselected ? null : reason });
        }

        choices.AddRange(assessment.CustomEvents.Select(c => new EventChoice(c.Id, EventOrigin.Custom, selected.Contains(c.Id))));
        if (!choices.Any(c => c.Selected) && errors.Count == 0)
        {
            errors.Add(new DomainError(AssessmentErrorCodes.NoEventsSelected));
        }

        if (errors.Count > 0)
        {
            return Result<Assessment>.Failure(errors);
        }

        return assessment with
        {
            Events = choices,
            EventsChosen = true,
            Lines = [.. assessment.Lines.Where(l => selected.Contains(l.EventId))],
        };
    }

    /// <summary>A custom event for this assessment; it is selected at once and carries its own C/I/A flags.</summary>
    public static Result<Assessment> AddCustom(Assessment assessment, string id, string name, string? description, IReadOnlyCollection<Dimension> cia)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new DomainError(AssessmentErrorCodes.CustomEventNameRequired));
        }

        if (cia.Count == 0)
        {
            errors.Add(new DomainError(AssessmentErrorCodes.CustomEventNeedsDimension));
        }

        if (errors.Count > 0)
        {
            return Result<Assessment>.Failure(errors);
        }

        var text = new LocalizedText(name.Trim(), string.Empty);
        var custom = new CatalogueEvent(
            id, "custom", Baseline: false, SuggestWhen: [], Cia: [.. cia.Distinct().Order()], text,
            new LocalizedText(description?.Trim() ?? string.Empty, string.Empty), Measures: [], EventRefs.None, Custom: true);
        return assessment with
        {
            CustomEvents = [.. assessment.CustomEvents, custom],
            Events = [.. assessment.Events, new EventChoice(id, EventOrigin.Custom, Selected: true)],
        };
    }

    /// <summary>The event definition behind an id: the pinned catalogue first, then the assessment's own custom events.</summary>
    public static CatalogueEvent? Find(Assessment assessment, EventCatalogue catalogue, string eventId) =>
        catalogue.Find(eventId) ?? assessment.CustomEvents.FirstOrDefault(c => c.Id == eventId);
}
