using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Register;

/// <summary>A risk line behind a heatmap cell: which system, assessment and event, and its points in that matrix.</summary>
public sealed record HeatmapRisk(string SystemId, string SystemName, string AssessmentId, string EventId, int Points, Band Band);

/// <summary>One likelihood × consequence cell: its points and band under the active method, and the risks in it.</summary>
public sealed record HeatmapCell(int Likelihood, int Consequence, int Points, Band Band, IReadOnlyList<HeatmapRisk> Risks)
{
    public int Count => Risks.Count;
}

/// <summary>
/// The matrix (rows likelihood, columns consequence; risk-method.md §3.3), coloured by the active method's bands.
/// <see cref="OutsideScale"/> counts lines scored on a scale the active method does not have (a major method change).
/// </summary>
public sealed record Heatmap(RiskMethod Method, IReadOnlyList<HeatmapCell> Cells, int OutsideScale)
{
    public HeatmapCell Cell(int likelihood, int consequence) => Cells.First(c => c.Likelihood == likelihood && c.Consequence == consequence);

    public int Total => Cells.Sum(c => c.Count);
}

/// <summary>The current risk and the expected residual after planned measures (risk-method.md D4), counted over the same systems.</summary>
public sealed record HeatmapPair(Heatmap Current, Heatmap Residual);

/// <summary>
/// Counts the risk lines of the register's scored assessments per cell — the same rows, with the same filter, as
/// <see cref="RegisterQuery"/> — so the heatmap and the register always agree.
/// </summary>
public sealed class HeatmapQuery(UseCaseServices services, RegisterQuery register)
{
    public async Task<Outcome<HeatmapPair>> ReadAsync(Actor actor, RegisterFilter filter, CancellationToken cancellationToken)
    {
        var (entries, refusal) = await register.MatchingEntriesAsync(actor, filter.Unpaged, "heatmap.read", cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return Outcome<HeatmapPair>.From(refusal);
        }

        var method = services.Methods.ActiveMethod;
        return new Outcome<HeatmapPair>.Done(new HeatmapPair(Build(entries!, method, residual: false), Build(entries!, method, residual: true)));
    }

    internal static Heatmap Build(IEnumerable<RegisterEntry> entries, RiskMethod method, bool residual)
    {
        var risks = new Dictionary<(int L, int C), List<HeatmapRisk>>();
        var outside = 0;
        foreach (var entry in entries)
        {
            if (entry.Scored is not { } scored)
            {
                continue;
            }

            foreach (var line in scored.Assessment.Lines)
            {
                var score = residual ? line.Residual : line.Score;
                var (l, c) = (score.Likelihood.Value, score.Consequence.Value);
                if (!method.Scale.Contains(l) || !method.Scale.Contains(c))
                {
                    outside++;
                    continue;
                }

                var cell = method.Score(score.Likelihood, score.Consequence);
                if (!risks.TryGetValue((l, c), out var list))
                {
                    risks[(l, c)] = list = [];
                }

                list.Add(new HeatmapRisk(entry.System.SystemId, entry.System.Name, scored.Id, line.EventId, cell.Points, cell.Band));
            }
        }

        var cells = new List<HeatmapCell>();
        foreach (var l in method.Scale.Values.Reverse())
        {
            foreach (var c in method.Scale.Values)
            {
                var score = method.Score(Likelihood.Of(l), ConsequenceLevel.Of(c));
                cells.Add(new HeatmapCell(l, c, score.Points, score.Band,
                    [.. (risks.GetValueOrDefault((l, c)) ?? []).OrderBy(r => r.SystemName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.EventId, StringComparer.Ordinal)]));
            }
        }

        return new Heatmap(method, cells, outside);
    }
}
