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
using Norddjurs.TeamsRisk.Workflows.Rounds;

namespace Norddjurs.TeamsRisk.Workflows.Reassessing;

/// <summary>A trigger that fired while an assessment was open: which, why, when and by whom (a person's id, or <c>system</c>).</summary>
public sealed record TriggerNote(string Trigger, string? Note, DateTimeOffset At, string By);

/// <summary>The assessment a trigger led to, and whether it was started now or the trigger was noted on the open one.</summary>
public sealed record ReassessmentStarted(string AssessmentId, bool Started, string Trigger);

/// <summary>
/// A reassessment trigger (risk-method.md §2.3) on one system, added to a change: a new ad-hoc assessment with the
/// owner invited as in a round, following the latest approved one; or, when the system has an open assessment
/// (design.md §3: no second one), the trigger noted on that one. Either way a <c>ReassessmentTriggered</c> entry.
/// </summary>
public static class Reassessment
{
    public static async Task<Result<ReassessmentStarted>> AddAsync(
        UseCaseServices services, ChangeSet change, string changeKey, CriticalSystem system, string trigger, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(system);

        // Read again, and before the assessments: an invitation names the system's version read here (OwnerInvitation), so a
        // round inviting the same system meanwhile makes this change a conflict rather than a second open assessment.
        var loaded = await services.Store.LoadAsync<CriticalSystem>(DocumentKinds.System, StableIds.SystemDocumentId(system.SystemId), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"System {system.SystemId} is not in the register.");
        system = loaded.Value;
        var existing = await services.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "systemId", system.SystemId, cancellationToken).ConfigureAwait(false);
        var inputs = new JsonObject { ["trigger"] = trigger, ["note"] = note };
        if (existing.FirstOrDefault(a => !AssessmentTransitions.IsFinal(a.Value.State)) is { } open)
        {
            var noted = open.Value with { Triggers = [.. open.Value.Triggers ?? [], new TriggerNote(trigger, note, change.Now, change.Actor.ObjectId)] };
            change.Write(open.Update(noted, noted.Index()))
                .Audit(AuditAction.ReassessmentTriggered, AuditContexts.Subject(noted.Assessment), AuditContexts.For(noted.Assessment, noted.SystemId),
                    inputs: inputs, computed: new JsonObject { ["started"] = false, ["openAssessmentId"] = noted.Id });
            return new ReassessmentStarted(noted.Id, false, trigger);
        }

        if (system.Status != SystemStatus.Active)
        {
            return DomainError.Of(WorkflowErrorCodes.SystemInactive);
        }

        // The new one follows the system's current assessment (the register shows the latest approved or decided).
        var previous = existing
            .Where(a => a.Value.State is AssessmentState.Approved or AssessmentState.Decided)
            .OrderByDescending(a => a.Value.Dates?.ApprovedOn)
            .Select(a => a.Value.Id)
            .FirstOrDefault();
        var id = $"{StableIds.From("reassess", changeKey)}:{StableIds.SystemDocumentId(system.SystemId)}";
        var deadline = services.Today.AddDays(services.Methods.ActiveMethod.Deadlines.OwnerAssessmentDays);
        var record = await OwnerInvitation.AddAsync(services, change, id, loaded, deadline, roundId: null, trigger, previous, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return DomainError.Of(WorkflowErrorCodes.OwnerUnknown);
        }

        change.Audit(AuditAction.ReassessmentTriggered, AuditContexts.Subject(record.Assessment), AuditContexts.For(record.Assessment, record.SystemId),
            inputs: inputs, computed: new JsonObject { ["started"] = true, ["previousAssessmentId"] = previous });
        return new ReassessmentStarted(record.Id, true, trigger);
    }
}
