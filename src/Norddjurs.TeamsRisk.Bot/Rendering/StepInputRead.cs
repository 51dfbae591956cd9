using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>
/// A card's values read back as the step's input. <see cref="Input"/> is always there, best effort (an unreadable
/// value is null), so the card can be shown again with what the owner typed; <see cref="Errors"/> says what could not
/// be read (not a number, unknown e-mail address, text too long) — when there are any, nothing is saved.
/// </summary>
public sealed record StepInputRead(StepInput Input, IReadOnlyList<FlowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
