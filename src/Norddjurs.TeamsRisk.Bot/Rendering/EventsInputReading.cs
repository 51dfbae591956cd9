using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>
/// The events card read back: the events whose toggle (<c>selected[ID]</c>) is on, in card order; the reasons given
/// for dropped ones (<c>deselectionReasons[ID]</c>); and the new custom event once its name or description is filled
/// (the engine refuses one without a name or a dimension). Whether an id is in the catalogue is the engine's to say;
/// the reader only refuses keys that cannot be an id, and reasons for events the card does not show.
/// </summary>
internal static class EventsInputReading
{
    private const string ReasonPrefix = "deselectionReasons[";

    public static EventsStepInput Read(CardFields fields)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var selected = new List<string>();
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = fields.Ids.ToList();
        foreach (var id in ids)
        {
            if (Key(id, CardInputIds.Selected + "[") is not { } key)
            {
                continue;
            }

            if (!IsEventId(key))
            {
                fields.Refuse(CardInputIds.Selected, InputErrorCodes.UnknownEvent, ("value", CardFields.Quote(key)));
                continue;
            }

            shown.Add(key);
            if (fields.Toggle(id))
            {
                selected.Add(key);
            }
        }

        foreach (var id in ids)
        {
            if (Key(id, ReasonPrefix) is not { } key)
            {
                continue;
            }

            if (!shown.Contains(key))
            {
                fields.Refuse(id, InputErrorCodes.UnknownEvent, ("value", CardFields.Quote(key)));
            }
            else if (fields.Text(id, InputLimits.Text) is { } reason)
            {
                reasons[key] = reason;
            }
        }

        return new EventsStepInput(selected, reasons, NewEvent(fields));
    }

    private static IReadOnlyList<CustomEventInput> NewEvent(CardFields fields)
    {
        var name = fields.Text(CardInputIds.NewEventName, InputLimits.Name);
        var description = fields.Text(CardInputIds.NewEventDescription, InputLimits.Text);
        var cia = Enum.GetValues<Dimension>().Where(d => fields.Toggle(CardInputIds.NewEventDimension(d))).ToList();
        return name is null && description is null ? [] : [new CustomEventInput(name, description, cia)];
    }

    /// <summary>"PHY-POWER" from "selected[PHY-POWER]"; null for an id of another kind.</summary>
    private static string? Key(string id, string prefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal) && id.EndsWith(']') ? id[prefix.Length..^1] : null;

    /// <summary>Catalogue ids ("CYB-RANSOM") and custom ids ("x-1f0c…") are short words of letters, digits, '-', '_' and '.'.</summary>
    private static bool IsEventId(string key) =>
        key.Length is > 0 and <= InputLimits.Key && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
