using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;
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
        RunAsync(request, measureId, (m, actor, now, _) => MeasureTransitions.Start(m, actor, now), AuditAction.MeasureUpdated, cancellationToken);

    /// <summary>
    /// Done, with the effectiveness note and the re-scored residual, scored by the method the assessment pinned. The
    /// follow-up job then starts the <c>measureCompleted</c> reassessment once every measure on the line is done.
    /// </summary>
    public Task<Outcome<MeasureChanged>> CompleteAsync(Request request, string measureId, MeasureCompletion completion, CancellationToken cancellationToken) =>
        RunAsync(request, measureId, (m, actor, now, method) => MeasureTransitions.Complete(m, actor, now, completion, method), AuditAction.MeasureCompleted, cancellationToken);

    public Task<Outcome<MeasureChanged>> CancelAsync(Request request, string measureId, string? reason, CancellationToken cancellationToken) =>
        RunAsync(request, measureId, (m, actor, now, _) => MeasureTransitions.Cancel(m, actor, now, reason), AuditAction.MeasureUpdated, cancellationToken);

    private async Task<Outcome<MeasureChanged>> RunAsync(
        Request request, string measureId, Func<TrackedMeasure, MeasureActor, DateTimeOffset, RiskMethod, Result<TrackedMeasure>> move, AuditAction action, CancellationToken cancellationToken)
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

        var method = services.Methods.FindMethod(record.Value.Assessment.Method) ?? services.Methods.ActiveMethod;
        var moved = move(measure.Value, actor, services.Now, method);
        if (!moved.IsSuccess)
        {
            return Outcome<MeasureChanged>.From(moved.Errors);
        }

        var auditActor = await Actors.DescribeAsync(services.Directory, request.Actor, roles, cancellationToken).ConfigureAwait(false);
        var change = new ChangeSet(request, auditActor, services.Now)
            .Write(measure.Update(moved.Value, MeasureTracking.Index(moved.Value)))
            .Audit(action, new AuditSubject("measure", measureId), AuditContexts.For(record.Value.Assessment, record.Value.SystemId),
                computed: moved.Value.Residual is { } residual && action == AuditAction.MeasureCompleted ? Computed(residual) : null,
                before: JsonNode.Parse(StoreJson.Serialize(measure.Value)), after: JsonNode.Parse(StoreJson.Serialize(moved.Value)));
        return await change.CommitAsync(services.Store, new MeasureChanged(measureId, moved.Value.Status), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The re-scored residual as risk-method.md §5 <c>computed</c> names it, so an auditor can recompute it.</summary>
    private static JsonObject Computed(AchievedResidual residual) => new()
    {
        ["residualLikelihood"] = residual.Likelihood,
        ["residualConsequence"] = residual.Consequence,
        ["points"] = residual.Points,
        ["band"] = residual.Band,
        ["withinAppetite"] = residual.WithinAppetite,
    };
}
