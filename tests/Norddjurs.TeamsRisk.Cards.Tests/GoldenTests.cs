using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Cards.Tests.Samples;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Tests;

/// <summary>
/// Each sample card against its golden file in Golden/, compared as JSON trees (order of properties ignored).
/// After an intended change: <c>UPDATE_GOLDEN=1 dotnet test tests/Norddjurs.TeamsRisk.Cards.Tests</c>, then review the diff.
/// </summary>
public sealed class GoldenTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    /// <summary>Every card in Danish; in English the cards with the most method text.</summary>
    public static TheoryData<string, Language> Goldens()
    {
        var data = new TheoryData<string, Language>();
        foreach (var name in CardSamples.All.Keys)
        {
            data.Add(name, Language.Danish);
        }

        foreach (var name in new[] { "welcome", "score-ransomware", "treatment-high", "summary", "notification-invited", "committee-actionable", "committee-approved", "escalation-pending", "escalation-accepted" })
        {
            data.Add(name, Language.English);
        }

        return data;
    }

    [Theory, MemberData(nameof(Goldens))]
    public void Card_matches_its_golden_file(string name, Language language)
    {
        var card = CardSamples.All[name](language);
        var path = Path.Combine(RepoPaths.Golden, $"{name}.{(language == Language.English ? "en" : "da")}.json");
        if (Update)
        {
            File.WriteAllText(path, CardJson.Indented(card) + "\n");
        }

        Assert.True(File.Exists(path), $"{path} is missing; run with UPDATE_GOLDEN=1 to write it.");
        var golden = JsonNode.Parse(File.ReadAllText(path));
        Assert.True(JsonNode.DeepEquals(golden, card), $"{Path.GetFileName(path)} differs at {FirstDifference(golden, card, "$")}; run with UPDATE_GOLDEN=1 if the change is intended.");
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_sample()
    {
        var expected = Goldens().Select(row => $"{row[0]}.{((Language)row[1] == Language.English ? "en" : "da")}.json").ToHashSet();
        var stale = Directory.GetFiles(RepoPaths.Golden, "*.json").Select(Path.GetFileName).Where(f => !expected.Contains(f!));
        Assert.Empty(stale);
    }

    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var name in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!JsonNode.DeepEquals(e[name], a[name]))
                    {
                        return FirstDifference(e[name], a[name], $"{path}.{name}");
                    }
                }

                break;
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                {
                    var (x, y) = (i < e.Count ? e[i] : null, i < a.Count ? a[i] : null);
                    if (!JsonNode.DeepEquals(x, y))
                    {
                        return FirstDifference(x, y, $"{path}[{i}]");
                    }
                }

                break;
        }

        return $"{path}: expected {expected?.ToJsonString() ?? "nothing"}, got {actual?.ToJsonString() ?? "nothing"}";
    }
}
