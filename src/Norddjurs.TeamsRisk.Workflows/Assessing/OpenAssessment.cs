using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>The owner (or deputy) opens an invited or returned assessment: Invited/Returned → InProgress.</summary>
public sealed class OpenAssessment(UseCaseServices services)
{
    public Task<Outcome<AssessmentChanged>> HandleAsync(Request request, string assessmentId, CancellationToken cancellationToken) =>
        AssessmentTransitionRunner.RunAsync<AssessmentChanged>(services, request, assessmentId, OpenAsync, cancellationToken);

    /// <summary>
    /// As above, on the assessment the caller has just read together with the key's applied row, or from the store's cache
    /// (the bot's card action): neither is read again, the commit's If-Match is the replay check, and the answer carries
    /// the assessment as committed so the next card needs no read either (design.md §2, latency budget).
    /// </summary>
    public Task<Outcome<AssessmentChanged>> HandleReplayCheckedAsync(Request request, AssessmentInContext loaded, CancellationToken cancellationToken) =>
        AssessmentTransitionRunner.RunReplayCheckedAsync<AssessmentChanged>(services, request, loaded, OpenAsync, cancellationToken);

    private async Task<Outcome<AssessmentChanged>> OpenAsync(AssessmentInContext context, ChangeSet change, CancellationToken ct)
    {
        var record = context.Record.Value;
        var next = AssessmentWorkflow.Open(record.State, context.Roles);
        if (!next.IsSuccess)
        {
            return Outcome<AssessmentChanged>.From(next.Errors);
        }

        var updated = record.WithState(next.Value) with { ReturnComment = record.ReturnComment };
        change.Save(context.Record, updated).AuditAssessment(AuditAction.AssessmentOpened, updated);
        var outcome = await change.CommitAsync(services.Store, new AssessmentChanged(updated.Id, updated.State), ct).ConfigureAwait(false);
        return outcome.WithSaved(change, updated);
    }
}
