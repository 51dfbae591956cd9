using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>A move in the guided flow that saves no answers: back a step, or from the summary to a step.</summary>
public abstract record FlowMove
{
    private FlowMove()
    {
    }

    public sealed record Back : FlowMove;

    public sealed record JumpTo(FlowStep Target) : FlowMove;
}

/// <summary>
/// The owner moves back or jumps from the summary. Only the position is stored — no answer changes, so there is no
/// audit entry — but it is stored, so bot and tab continue where the owner is and an older card is recognised as stale.
/// </summary>
public sealed class MoveStep(UseCaseServices services)
{
    public Task<Outcome<StepSaved>> HandleAsync(Request request, string assessmentId, FlowMove move, CancellationToken cancellationToken) =>
        AssessmentTransitionRunner.RunAsync<StepSaved>(services, request, assessmentId, async (context, change, ct) =>
        {
            ArgumentNullException.ThrowIfNull(move);
            var record = context.Record.Value;
            if (!context.Roles.Contains(Role.SystemOwner))
            {
                return Outcome<StepSaved>.From(DomainError.Of(WorkflowErrorCodes.RoleMissing, ("action", "move"), ("roles", Role.SystemOwner.Id())));
            }

            if (!record.Assessment.IsEditable)
            {
                return Outcome<StepSaved>.From(DomainError.Of(AssessmentErrorCodes.NotEditable, ("assessment", record.Id)));
            }

            var method = services.Methods.FindMethod(record.Assessment.Method);
            var catalogue = services.Methods.FindCatalogue(record.Assessment.Catalogue);
            if (method is null || catalogue is null)
            {
                return Outcome<StepSaved>.From(DomainError.Of(AssessmentErrorCodes.MethodMismatch, ("method", $"{record.Assessment.Method.Id} {record.Assessment.Method.Version}")));
            }

            var flow = new GuidedFlow(method, catalogue, NoIds.Instance);
            var result = move switch
            {
                FlowMove.JumpTo jump => flow.JumpTo(record.Flow, jump.Target, services.Today),
                _ => flow.Back(record.Flow, services.Today),
            };
            if (!result.Accepted)
            {
                return new Outcome<StepSaved>.Rejected([.. result.Errors.Select(e => e.Error)]);
            }

            var updated = record with { Flow = result.State };
            change.Save(context.Record, updated);
            return await change.CommitAsync(services.Store, new StepSaved(updated.Id, result.State.Step), ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>A move adds nothing, so it never asks for an id.</summary>
    private sealed class NoIds : IIdSource
    {
        public static NoIds Instance { get; } = new();

        public string NewId() => throw new InvalidOperationException("A move creates nothing.");
    }
}
