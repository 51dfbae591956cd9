using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Tests.Samples;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Tests;

/// <summary>Every sample card, in both languages, parsed and validated by Microsoft's adaptivecards library at 1.5.</summary>
public sealed class ValidationTests(ValidationTests.Results results) : IClassFixture<ValidationTests.Results>
{
    public static TheoryData<string, Language> Cards()
    {
        var data = new TheoryData<string, Language>();
        foreach (var name in CardSamples.All.Keys)
        {
            data.Add(name, Language.Danish);
            data.Add(name, Language.English);
        }

        return data;
    }

    [Theory, MemberData(nameof(Cards))]
    public void Card_passes_the_adaptivecards_library_and_the_Teams_checks(string name, Language language)
    {
        var problems = results.Problems[Key(name, language)];
        Assert.True(problems.Length == 0, $"{Key(name, language)}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_validator_reports_what_is_wrong_with_a_broken_card()
    {
        var broken = (JsonObject)JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.6","body":[
              {"type":"Input.Text","id":"same"},{"type":"Input.Text","id":"same"},
              {"type":"ActionSet","actions":[{"type":"Action.Execute","title":"Go"}]}]}
            """)!;
        var problems = AdaptiveCardsValidator.Validate(new Dictionary<string, JsonObject> { ["broken"] = broken })["broken"];
        Assert.Contains(problems, p => p.StartsWith("DuplicateId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not ≤ 1.5", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("has no verb", StringComparison.Ordinal));
    }

    private static string Key(string name, Language language) => $"{name}.{(language == Language.English ? "en" : "da")}";

    /// <summary>One Node run for all cards.</summary>
    public sealed class Results
    {
        public IReadOnlyDictionary<string, string[]> Problems { get; } = AdaptiveCardsValidator.Validate(
            CardSamples.All.SelectMany(s => new[] { Language.Danish, Language.English }.Select(l => (Key(s.Key, l), s.Value(l))))
                .ToDictionary(p => p.Item1, p => p.Item2));
    }
}
