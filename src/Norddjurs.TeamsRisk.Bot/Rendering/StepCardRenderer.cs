using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>Renders a step's view (Workflows) as its card (Cards): maps view to card model, errors to their inputs.</summary>
public sealed class StepCardRenderer(IDirectory directory)
{
    /// <summary>
    /// The card for <paramref name="view"/>. <paramref name="frame"/> carries assessment, system name, stamp and refresh
    /// users; step, position, moves and errors are taken from the view.
    /// </summary>
    public Task<JsonObject> RenderAsync(StepView view, FlowFrame frame, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"{directory} {view} {frame} {cancellationToken}");
}
