namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>One likelihood level with its label, frequency anchor and guidance (risk-method.md §3.1).</summary>
public sealed record LikelihoodLevel(int Value, LocalizedText Label, LocalizedText Anchor, LocalizedText Guidance);

public sealed record LikelihoodScale(LocalizedText Question, IReadOnlyList<LikelihoodLevel> Levels)
{
    public LikelihoodLevel Level(Likelihood likelihood) => Levels.First(l => l.Value == likelihood.Value);
}

/// <summary>One consequence level with the citizen and municipality views (risk-method.md §3.2, D6).</summary>
public sealed record ConsequenceLevelDefinition(int Value, LocalizedText Label, LocalizedText Citizens, LocalizedText Municipality);
