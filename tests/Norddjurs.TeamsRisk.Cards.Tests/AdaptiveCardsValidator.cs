using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Cards.Tests;

/// <summary>
/// Runs validate-cards.mjs (Microsoft's adaptivecards library in Node, teams-bot-protocol.md §6.8) once over a set of
/// cards and returns each card's problems. Missing Node tools fail loudly: test.sh installs them.
/// </summary>
internal static class AdaptiveCardsValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(IReadOnlyDictionary<string, JsonObject> cards)
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.NodeModules, "adaptivecards")))
        {
            throw new InvalidOperationException($"adaptivecards is not installed in {RepoPaths.NodeModules}; run ./test.sh or scripts/test-setup/20-npm-tools.sh.");
        }

        var input = Path.Combine(Path.GetTempPath(), $"cards-{Guid.NewGuid():N}.json");
        try
        {
            var all = new JsonObject();
            foreach (var (name, card) in cards)
            {
                all[name] = card.DeepClone();
            }

            File.WriteAllText(input, all.ToJsonString());
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(RepoPaths.TestProject, "validate-cards.mjs"));
            start.ArgumentList.Add(RepoPaths.NodeModules);
            start.ArgumentList.Add(input);
            using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var stderr = node.StandardError.ReadToEndAsync();
            var output = node.StandardOutput.ReadToEnd();
            node.WaitForExit();
            if (node.ExitCode != 0)
            {
                throw new InvalidOperationException($"validate-cards.mjs exited with {node.ExitCode}: {stderr.Result}");
            }

            return JsonSerializer.Deserialize<Dictionary<string, string[]>>(output)
                ?? throw new InvalidOperationException("validate-cards.mjs printed nothing");
        }
        finally
        {
            File.Delete(input);
        }
    }
}
