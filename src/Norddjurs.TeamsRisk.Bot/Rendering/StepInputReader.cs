using System.Text.Json;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>Reads a step card's inputs (the action's data, <c>CardInputIds</c>) back as the step's input.</summary>
public sealed class StepInputReader(IDirectory directory)
{
    /// <param name="step">The step the card is for (from the action data, already checked to be the current step).</param>
    /// <param name="data">The action's data with the inputs merged in.</param>
    /// <param name="measureIds">The treatment card's measure ids in row order (<c>CardActionData.MeasureIds</c>).</param>
    public Task<StepInputRead> ReadAsync(FlowStep step, JsonElement data, IReadOnlyList<string> measureIds, Language language, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"{directory} {step} {data} {measureIds} {language} {cancellationToken}");
}
