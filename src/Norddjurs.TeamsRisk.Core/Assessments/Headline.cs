using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>A system's headline: its highest band plus the count per band (risk-method.md §3.3). Risks are never summed or averaged.</summary>
public sealed record Headline(Band? Highest, IReadOnlyDictionary<string, int> CountByBand, int AboveAppetite)
{
    public static Headline Of(IEnumerable<RiskLine> lines, RiskMethod method, bool residual = false)
    {
        var scores = lines.Select(l => residual ? l.Residual : l.Score).ToList();
        var counts = method.Bands.ToDictionary(b => b.Id, b => scores.Count(s => s.Band.Id == b.Id), StringComparer.Ordinal);
        var highest = scores.Select(s => s.Band).OrderByDescending(b => b.Order).FirstOrDefault();
        return new Headline(highest, counts, scores.Count(s => !s.WithinAppetite));
    }
}
