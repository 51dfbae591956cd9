using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.FollowUp;

public sealed record MeasureChanged(string MeasureId, MeasureStatus Status);

/// <summary>
/// Start, complete (with an effectiveness note) or cancel (with a reason) a tracked measure. The person responsible
/// sees and moves their measure even without a role for the system; everyone else needs one (else not found).
/// </summary>
public sealed class MeasureActions(UseCaseServices services)
{
    public Task<Outcome<MeasureChanged>> StartAsync(Request request, string measureId, CancellationToken cancellationToken) =>
        RunAsync(request, measureId, (m, actor, now) => MeasureTransitions.Start(m, actor, now), AuditAction.MeasureUpdated, cancellationToken);

    public Task<Outcome<MeasureChanged>> CompleteAsync(Request request, string measureId, string? effectivenessNote, CancellationToken cancellationToken) =>
        RunAsync(request, measureId, (m, actor, now) => MeasureTransitions.Complete(m, actor, now, effectivenessNote), AuditAction.MeasureCompleted, cancellationToken);

    public Task<Outcome<MeasureChanged>> CancelAsync(Request request, string measureId, string? reason, CancellationToken cancellationToken) =>
        RunAsync(request, measureId, (m, actor, now) => MeasureTransitions.Cancel(m, actor, now, reason), AuditAction.MeasureUpdated, cancellationToken);

    private async Task<Outcome<MeasureChanged>> RunAsync(
        Request request, string measureId, Func<TrackedMeasure, MeasureActor, DateTimeOffset, Result<TrackedMeasure>> move, AuditAction action, CancellationToken cancellationToken)
    {
        if (await Replays.FindAsync<MeasureChanged>(services.Store, request.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } replayed)
        {
            return replayed;
        }

        var measure = await services.Store.LoadAsync<TrackedMeasure>(DocumentKinds.Measure, measureId, cancellationToken).ConfigureAwait(false);
        var record = measure is null ? null : await services.Store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, measure.Value.AssessmentId, cancellationToken).ConfigureAwait(false);
        var system = record is null ? null : await services.Store.LoadAsync<CriticalSystem>(DocumentKinds.System, StableIds.SystemDocumentId(record.Value.SystemId), cancellationToken).ConfigureAwait(false);
        if (measure is null || record is null || system is null)
        {
            return new Outcome<MeasureChanged>.NotFound();
        }

        var roles = await services.Roles.RolesForSystemAsync(request.Actor, system.Value, cancellationToken).ConfigureAwait(false);
        var actor = new MeasureActor(request.Actor.ObjectId, roles);
        if (roles.Count == 0 && !actor.IsResponsibleFor(measure.Value))
        {
            return new Outcome<MeasureChanged>.NotFound();
        }

        var moved = move(measure.Value, actor, services.Now);
        if (!moved.IsSuccess)
        {
            return Outcome<MeasureChanged>.From(moved.Errors);
        }

        var auditActor = await Actors.DescribeAsync(services.Directory, request.Actor, roles, cancellationToken).ConfigureAwait(false);
        var change = new ChangeSet(request, auditActor, services.Now)
            .Write(measure.Update(moved.Value, MeasureTracking.Index(moved.Value)))
            .Audit(action, new AuditSubject("measure", measureId), AuditContexts.For(record.Value.Assessment, record.Value.SystemId),
                before: JsonNode.Parse(StoreJson.Serialize(measure.Value)), after: JsonNode.Parse(StoreJson.Serialize(moved.Value)));
        return await change.CommitAsync(services.Store, new MeasureChanged(measureId, moved.Value.Status), cancellationToken).ConfigureAwait(false);
    }
}
