using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.Workflows.Reviewing;

/// <summary>The committee returns a submission to its owner with a comment: Submitted → Returned.</summary>
public sealed class ReturnAssessment(UseCaseServices services)
{
    public Task<Outcome<AssessmentChanged>> HandleAsync(Request request, string assessmentId, string? comment, CancellationToken cancellationToken) =>
        AssessmentTransitionRunner.RunAsync<AssessmentChanged>(services, request, assessmentId, async (context, change, ct) =>
        {
            var record = context.Record.Value;
            var next = AssessmentWorkflow.Return(record.State, context.Roles, comment);
            if (!next.IsSuccess)
            {
                return Outcome<AssessmentChanged>.From(next.Errors);
            }

            var updated = record.WithState(next.Value) with
            {
                ReturnComment = comment!.Trim(),
                Review = CommitteeReview.By(change),
                Dates = (record.Dates ?? new AssessmentDates()) with { ReturnedOn = services.Today },
            };
            change.Save(context.Record, updated)
                .AuditAssessment(AuditAction.AssessmentReturned, updated, decision: new JsonObject { ["comment"] = updated.ReturnComment })
                .Notify(new Notification(NotificationTemplates.Returned, NotificationTarget.User(record.OwnerObjectId),
                    new Dictionary<string, string> { ["assessmentId"] = record.Id, ["comment"] = updated.ReturnComment }))
                .Notify(Notification.CommitteeCardUpdate(record.Id));
            return await change.CommitAsync(services.Store, new AssessmentChanged(updated.Id, updated.State), ct).ConfigureAwait(false);
        }, cancellationToken);
}
