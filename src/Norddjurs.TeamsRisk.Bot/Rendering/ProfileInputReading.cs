using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>The profile card read back: C and I as whole numbers (the engine checks the scale) and their reasons.</summary>
internal static class ProfileInputReading
{
    public static ProfileStepInput Read(CardFields fields) => new(
        fields.Whole(CardInputIds.Confidentiality),
        fields.Text(CardInputIds.ConfidentialityReason, InputLimits.Text),
        fields.Whole(CardInputIds.Integrity),
        fields.Text(CardInputIds.IntegrityReason, InputLimits.Text));
}
