using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Rendering;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Tab.Tests.Assessing;

/// <summary>
/// The bot's own reader (Bot's <see cref="StepInputReader"/>) over the card values an owner would send for the same
/// answers, and a structural comparison: records holding lists compare their lists by reference, JSON by content.
/// </summary>
internal static class BotCardReading
{
    public static async Task<StepInput> ReadAsync(IDirectory directory, FlowStep step, SystemFacts facts, params (string Id, string Value)[] card)
    {
        var data = new JsonObject();
        foreach (var (id, value) in card)
        {
            data[id] = value;
        }

        var read = await new StepInputReader(directory).ReadAsync(step, JsonSerializer.SerializeToElement(data), [], facts, Language.Danish, CancellationToken.None);
        Assert.True(read.IsValid, string.Join("; ", read.Errors.Select(e => e.Message)));
        return read.Input;
    }

    public static void AssertSame(StepInput bot, StepInput? tab)
    {
        Assert.NotNull(tab);
        Assert.Equal(bot.GetType(), tab.GetType());
        Assert.Equal(JsonSerializer.Serialize(bot, bot.GetType()), JsonSerializer.Serialize(tab, tab.GetType()));
    }
}
