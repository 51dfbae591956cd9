using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Reviewing;

/// <summary>When an assessment reaches Approved or Decided, the system's earlier current one is superseded in the same change.</summary>
public static class Supersession
{
    private static readonly IReadOnlySet<Role> AsSystem = new HashSet<Role> { Role.System };

    public static async Task SupersedeEarlierAsync(IDocumentStore store, ChangeSet change, AssessmentRecord newer, CancellationToken cancellationToken)
    {
        var others = await store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "systemId", newer.SystemId, cancellationToken).ConfigureAwait(false);
        foreach (var older in others.Where(o => o.Value.Id != newer.Id && o.Value.State is AssessmentState.Approved or AssessmentState.Decided))
        {
            var next = AssessmentWorkflow.Supersede(older.Value.State, AsSystem, newer.State);
            if (next.IsSuccess)
            {
                var superseded = older.Value.WithState(next.Value);
                change.Write(older.Update(superseded, superseded.Index()))
                    .AuditAssessment(AuditAction.AssessmentSuperseded, superseded, decision: new System.Text.Json.Nodes.JsonObject { ["supersededBy"] = newer.Id });
            }
        }
    }
}
