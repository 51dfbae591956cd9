using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Rendering;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Testing.Cards;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Tests.Rendering;

/// <summary>A rendered card's button pressed and its inputs read back, as the bot will do on an invoke.</summary>
internal static class Pressing
{
    public static Task<StepInputRead> ReadAsync(this StepInputReader reader, StepView view, JsonObject card, string verb, params (string Id, string Value)[] changes) =>
        reader.ReadAsync(view, CardActions.Press(card, verb, changes));

    public static Task<StepInputRead> ReadAsync(this StepInputReader reader, StepView view, JsonObject data, Language? language = null)
    {
        var action = CardActionData.Read(data) ?? throw new InvalidOperationException("The data names no verb.");
        var facts = (view as FactsStepView)?.Facts;
        return reader.ReadAsync(view.Step, JsonSerializer.SerializeToElement(data), action.MeasureIds, facts, language ?? view.Language, CancellationToken.None);
    }
}
