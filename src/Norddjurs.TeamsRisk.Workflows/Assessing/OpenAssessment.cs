using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>The owner (or deputy) opens an invited or returned assessment: Invited/Returned → InProgress.</summary>
public sealed class OpenAssessment(UseCaseServices services)
{
    public Task<Outcome<AssessmentChanged>> HandleAsync(Request request, string assessmentId, CancellationToken cancellationToken) =>
        AssessmentTransitionRunner.RunAsync<AssessmentChanged>(services, request, assessmentId, async (context, change, ct) =>
        {
            var record = context.Record.Value;
            var next = AssessmentWorkflow.Open(record.State, context.Roles);
            if (!next.IsSuccess)
            {
                return Outcome<AssessmentChanged>.From(next.Errors);
            }

            var updated = record.WithState(next.Value) with { ReturnComment = record.ReturnComment };
            change.Save(context.Record, updated).AuditAssessment(AuditAction.AssessmentOpened, updated);
            return await change.CommitAsync(services.Store, new AssessmentChanged(updated.Id, updated.State), ct).ConfigureAwait(false);
        }, cancellationToken);
}
