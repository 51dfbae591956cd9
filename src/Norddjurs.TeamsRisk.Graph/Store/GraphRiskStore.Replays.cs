using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// A replay that skipped its read (<see cref="CommitUnreadAsync"/>): its chain begins by reading the key's applied row, so
/// a key that committed before the chain began is known when the chain answers.
/// </summary>
public sealed partial class GraphRiskStore
{
    /// <summary>
    /// The key committed before this chain began: answers as the first time did. A replay of the same change created
    /// nothing (every create met its item: 409); one whose writes differ (other ids) created items no committed change
    /// holds, yet marked with a committed key, so they are deleted here: only items this chain created (its 201s), never
    /// anything of the first application.
    /// </summary>
    private async Task<CommitResult> ReplayedOverAsync(
        ChangeManifest manifest, ItemRecord applied, IReadOnlyList<(GraphRequest Request, StepRole Role, GraphResponse? Answer)> chain, CancellationToken cancellationToken)
    {
        RememberCommitted(manifest.ChangeKey);
        var strays = chain
            .Where(s => s.Role is StepRole.Target or StepRole.Intent or StepRole.Outbox && s.Answer is { IsSuccess: true, Body: not null })
            .Select(s => new GraphRequest("DELETE", $"{s.Request.Url}/{ItemRecord.Parse(s.Answer!.Body!).ItemId}"))
            .ToList();
        if (strays.Count > 0
            && (await _graph.BatchAsync(strays, cancellationToken).ConfigureAwait(false)).FirstOrDefault(a => !a.IsSuccess && a.Status != 404) is { } failed)
        {
            throw GraphGateway.Fault(failed, $"Removing what a replay of change {manifest.ChangeKey[..12]} created");
        }

        return new CommitResult.Replayed(applied.Text(ColumnNames.ResultJson));
    }
}
