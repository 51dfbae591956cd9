using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>
/// The score card read back for its event. Inputs the card leaves out (A for an event without A, the peak bump without
/// peak periods, the override when the method forbids it) read as not given.
/// </summary>
internal static class ScoreInputReading
{
    public static ScoreStepInput Read(CardFields fields, string eventId) => new(
        eventId,
        fields.Whole(CardInputIds.Likelihood),
        fields.Wholes(CardInputIds.ExistingMeasures),
        fields.Number(CardInputIds.ExpectedOutageHours),
        fields.Number(CardInputIds.ExpectedDataLossHours),
        fields.Whole(CardInputIds.PeakBump) ?? 0,
        fields.Text(CardInputIds.PeakReason, InputLimits.Text),
        fields.Whole(CardInputIds.OverrideConsequence),
        fields.Text(CardInputIds.OverrideReason, InputLimits.Text));
}
