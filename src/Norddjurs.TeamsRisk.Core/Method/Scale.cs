namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>The shared scale of likelihood and consequence (default 1–4, risk-method.md D1).</summary>
public sealed record Scale(int Min, int Max)
{
    public bool Contains(int value) => value >= Min && value <= Max;

    public int MinPoints => Min * Min;

    public int MaxPoints => Max * Max;

    public IEnumerable<int> Values => Enumerable.Range(Min, Max - Min + 1);
}
