using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.FollowUp;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Deciding;

/// <summary>What a decision answers: the escalation's and the assessment's states afterwards.</summary>
public sealed record EscalationDecided(string EscalationId, string AssessmentId, AssessmentState AssessmentState);

/// <summary>
/// The band's authority decides one escalation (design.md §3). Endorsed measures bind (deadlines only shortened),
/// required measures are tracked as binding, an acceptance keeps its end date. The last decision makes the
/// assessment Decided. The assessment is rewritten with every decision, so two decisions at once cannot both
/// believe the other is still pending: one of them conflicts and is retried.
/// </summary>
public sealed class DecideEscalation(UseCaseServices services)
{
    private static readonly IReadOnlySet<Role> AsSystem = new HashSet<Role> { Role.System };

    public async Task<Outcome<EscalationDecided>> HandleAsync(Request request, string escalationId, EscalationDecisionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await Replays.FindAsync<EscalationDecided>(services.Store, request.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } replayed)
        {
            return replayed;
        }

        var escalation = await services.Store.LoadAsync<Escalation>(DocumentKinds.Escalation, escalationId, cancellationToken).ConfigureAwait(false);
        if (escalation is null)
        {
            return new Outcome<EscalationDecided>.NotFound();
        }

        return await AssessmentTransitionRunner.RunAsync<EscalationDecided>(services, request, escalation.Value.AssessmentId, async (context, change, ct) =>
        {
            var record = context.Record.Value;
            var method = services.Methods.FindMethod(record.Assessment.Method);
            var line = record.Assessment.Line(escalation.Value.EventId);
            if (method is null || line is null)
            {
                return Outcome<EscalationDecided>.From(DomainError.Of(AssessmentErrorCodes.MethodMismatch, ("method", $"{record.Assessment.Method.Id} {record.Assessment.Method.Version}")));
            }

            var decided = EscalationDecisions.Decide(escalation.Value, line, method, context.Roles, request.Actor.ObjectId, change.Now, input);
            if (!decided.IsSuccess)
            {
                return Outcome<EscalationDecided>.From(decided.Errors);
            }

            var value = decided.Value;
            change.Write(escalation.Update(value, EscalationIndex.Of(value)))
                .Audit(AuditAction.DecisionRecorded, new AuditSubject("escalation", value.Id), AuditContexts.For(record.Assessment, record.SystemId),
                    decision: JsonNode.Parse(StoreJson.Serialize(value.Decision)));
            await BindMeasuresAsync(change, record, value, ct).ConfigureAwait(false);

            var all = await services.Store.LoadAllAsync<Escalation>(DocumentKinds.Escalation, "assessmentId", record.Id, ct).ConfigureAwait(false);
            var states = all.Select(e => e.Value.Id == value.Id ? value : e.Value).ToList();
            var next = record;
            if (AssessmentWorkflow.CompleteDecisions(record.State, AsSystem, states) is { IsSuccess: true } complete)
            {
                next = record.WithState(complete.Value);
                change.AuditAssessment(AuditAction.AssessmentDecided, next);
                await Supersession.SupersedeEarlierAsync(services.Store, change, next, ct).ConfigureAwait(false);
            }

            // The owner carries out the decision; the committee, whose recommendation it answers, follows it up.
            var told = new Dictionary<string, string> { ["escalationId"] = value.Id, ["assessmentId"] = record.Id, ["decision"] = value.Decision!.Kind.ToString() };
            change.Save(context.Record, next)
                .Notify(new Notification(NotificationTemplates.EscalationDecided, NotificationTarget.User(record.OwnerObjectId), told))
                .Notify(new Notification(NotificationTemplates.EscalationDecided, NotificationTarget.ForRole(Role.Committee.Id()), told));
            return await change.CommitAsync(services.Store, new EscalationDecided(value.Id, record.Id, next.State), ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task BindMeasuresAsync(ChangeSet change, AssessmentRecord record, Escalation escalation, CancellationToken cancellationToken)
    {
        var decision = escalation.Decision!;
        var context = AuditContexts.For(record.Assessment, record.SystemId);
        if (decision.Kind == EscalationDecisionKind.EndorseMeasures)
        {
            var measures = await services.Store.LoadAllAsync<TrackedMeasure>(DocumentKinds.Measure, "assessmentId", record.Id, cancellationToken).ConfigureAwait(false);
            foreach (var measure in measures.Where(m => m.Value.EventId == escalation.EventId && m.Value.IsOpen))
            {
                var planId = measure.Value.Id[(record.Id.Length + 1)..];
                var deadline = decision.ShortenedDeadlines.TryGetValue(planId, out var shorter) ? shorter : measure.Value.Deadline;
                var bound = measure.Value with { Binding = true, Deadline = deadline, ChangedAt = change.Now };
                change.Write(measure.Update(bound, MeasureTracking.Index(bound)))
                    .Audit(AuditAction.MeasureUpdated, new AuditSubject("measure", bound.Id), context, after: JsonNode.Parse(StoreJson.Serialize(bound)));
            }
        }
        else if (decision.Kind == EscalationDecisionKind.RequireMeasures)
        {
            for (var i = 0; i < decision.RequiredMeasures.Count; i++)
            {
                var required = decision.RequiredMeasures[i];
                var measure = new TrackedMeasure(MeasureTracking.IdFor(record.Id, $"required-{escalation.EventId}-{i + 1}"), record.Id, escalation.EventId,
                    required.Description, required.ResponsibleObjectId, required.Deadline, Binding: true, ChangedAt: change.Now);
                change.Create(DocumentKinds.Measure, measure.Id, measure, MeasureTracking.Index(measure))
                    .Audit(AuditAction.MeasureCreated, new AuditSubject("measure", measure.Id), context, after: JsonNode.Parse(StoreJson.Serialize(measure)));
            }
        }
    }
}
