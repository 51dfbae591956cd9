using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests;

/// <summary>The Agents Playground reaches the bot, and the bot's first answers reach the Playground's chat.</summary>
public sealed class PlaygroundTests(ITestOutputHelper log)
{
    [Fact]
    public Task Installing_the_bot_in_the_Playground_posts_the_welcome_card() =>
        PlaygroundSession.RunAsync(log, async (session, ct) =>
        {
            await session.Client.InstallAsync(ct);

            var welcome = await session.Client.NextMessageAsync(PlaygroundSession.PushTimeout);

            Assert.Equal(session.Client.ConversationId, welcome.ConversationId);
            Assert.Equal(["start"], Card.Verbs(welcome.Card));
        });

    [Fact]
    public Task Writing_start_lists_Alex_Wilbers_assessments_with_a_button_for_each() =>
        PlaygroundSession.RunAsync(log, async (session, ct) =>
        {
            // Development starts a demo round over the demo systems at first start (Development:SeedDemoRound).
            var mine = await new DevApi(session.App.CreateClient()).GetNodeAsync("api/assessments?mine=true", DevApi.AlexWilber, ct);
            log.WriteLine($"GET /api/assessments?mine=true: {mine.ToJsonString()}");
            await session.Client.InstallAsync(ct);
            await session.Client.WaitForCardAsync(card => Card.Verbs(card).Contains("start"), PlaygroundSession.PushTimeout);

            await session.Client.SendTextAsync("start", ct);

            var list = await session.Client.WaitForCardAsync(card => Card.Verbs(card).Contains("assessment.open"), PlaygroundSession.PushTimeout);
            var opened = Card.Executes(list).Where(a => (string?)a["verb"] == "assessment.open").Select(a => (string?)a["data"]?["assessmentId"]).ToArray();
            var expected = mine.AsArray().Select(a => (string?)a!["id"]).ToArray();
            Assert.Equal(3, opened.Length);
            Assert.Equal(expected.Order(StringComparer.Ordinal), opened.Order(StringComparer.Ordinal));
            foreach (var system in new[] { "Omsorgssystem (demo)", "Sagsbehandling (demo)", "Lokalebooking (demo)" })
            {
                Assert.Contains(system, Card.Texts(list), StringComparison.Ordinal);
            }
        });
}
