using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.FollowUp;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Reassessing;

public sealed record ReassessmentInput(string? Trigger, string? Note);

/// <summary>
/// The coordinator starts an ad-hoc assessment of one system for a trigger the method lists (risk-method.md §2.1
/// step 12, §2.3), with a note saying what happened. The owner is invited as in a round; a system that already has an
/// open assessment gets the trigger noted on it instead.
/// </summary>
public sealed class StartReassessment(UseCaseServices services)
{
    public const int MaxNoteLength = 2000;

    public async Task<Outcome<ReassessmentStarted>> HandleAsync(Request request, string systemId, ReassessmentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        if (await Replays.FindAsync<ReassessmentStarted>(services.Store, request.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } replayed)
        {
            return replayed;
        }

        var roles = await services.Roles.GlobalRolesAsync(request.Actor, cancellationToken).ConfigureAwait(false);
        var allowed = AssessmentTransitions.Check(null, AssessmentAction.Invite, roles);
        if (!allowed.IsSuccess)
        {
            return Outcome<ReassessmentStarted>.From(allowed.Errors);
        }

        var system = await services.Store.LoadAsync<CriticalSystem>(DocumentKinds.System, StableIds.SystemDocumentId(systemId), cancellationToken).ConfigureAwait(false);
        if (system is null)
        {
            return new Outcome<ReassessmentStarted>.NotFound();
        }

        if (!services.Methods.HasActive)
        {
            return new Outcome<ReassessmentStarted>.Rejected([DomainError.Of(WorkflowErrorCodes.NoActiveMethod)]);
        }

        var method = services.Methods.ActiveMethod;
        var errors = new List<DomainError>();
        if (!ReassessmentTriggers.IsNamedByMethod(input.Trigger, method))
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.TriggerUnknown, ("trigger", input.Trigger ?? string.Empty), ("triggers", string.Join(", ", method.ReassessmentTriggers))));
        }

        if (string.IsNullOrWhiteSpace(input.Note) || input.Note.Trim().Length > MaxNoteLength)
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.TriggerNoteRequired));
        }

        if (errors.Count > 0)
        {
            return new Outcome<ReassessmentStarted>.Rejected(errors);
        }

        var actor = await Actors.DescribeAsync(services.Directory, request.Actor, roles, cancellationToken).ConfigureAwait(false);
        var change = new ChangeSet(request, actor, services.Now);
        var added = await Reassessment.AddAsync(services, change, request.IdempotencyKey, system.Value, input.Trigger!, input.Note!.Trim(), cancellationToken).ConfigureAwait(false);
        return added.IsSuccess
            ? await change.CommitAsync(services.Store, added.Value, cancellationToken).ConfigureAwait(false)
            : new Outcome<ReassessmentStarted>.Rejected(added.Errors);
    }
}
