using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>The coordinator cancels an assessment not yet submitted, with a reason; the owner is told.</summary>
public sealed class CancelAssessment(UseCaseServices services)
{
    public Task<Outcome<AssessmentChanged>> HandleAsync(Request request, string assessmentId, string? reason, CancellationToken cancellationToken) =>
        AssessmentTransitionRunner.RunAsync<AssessmentChanged>(services, request, assessmentId, async (context, change, ct) =>
        {
            var record = context.Record.Value;
            var next = AssessmentWorkflow.Cancel(record.State, context.Roles, reason);
            if (!next.IsSuccess)
            {
                return Outcome<AssessmentChanged>.From(next.Errors);
            }

            var updated = record.WithState(next.Value) with { CancelReason = reason!.Trim() };
            change.Save(context.Record, updated)
                .AuditAssessment(AuditAction.AssessmentCancelled, updated, decision: new JsonObject { ["reason"] = updated.CancelReason })
                .Notify(new Notification(NotificationTemplates.Cancelled, NotificationTarget.User(record.OwnerObjectId),
                    new Dictionary<string, string> { ["assessmentId"] = record.Id, ["reason"] = updated.CancelReason }));
            return await change.CommitAsync(services.Store, new AssessmentChanged(updated.Id, updated.State), ct).ConfigureAwait(false);
        }, cancellationToken);
}
