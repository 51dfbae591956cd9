using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Core.Workflow;

/// <summary>
/// Planlagt → Igangsat → Gennemført (with an effectiveness note; the owner then re-scores the residual), or
/// Planlagt/Igangsat → Annulleret (with a reason). The responsible person and the system owner move a measure on;
/// cancelling is the owner's or the coordinator's call, since it reopens the risk the measure was meant to reduce.
/// </summary>
public static class MeasureTransitions
{
    private static readonly Dictionary<MeasureAction, (MeasureStatus[] From, MeasureStatus To)> Table = new()
    {
        [MeasureAction.Start] = ([MeasureStatus.Planlagt], MeasureStatus.Igangsat),
        [MeasureAction.Complete] = ([MeasureStatus.Igangsat], MeasureStatus.Gennemført),
        [MeasureAction.Cancel] = ([MeasureStatus.Planlagt, MeasureStatus.Igangsat], MeasureStatus.Annulleret),
    };

    public static Result<TrackedMeasure> Start(TrackedMeasure measure, MeasureActor actor, DateTimeOffset now) =>
        Move(measure, MeasureAction.Start, actor, now, null, m => m);

    public static Result<TrackedMeasure> Complete(TrackedMeasure measure, MeasureActor actor, DateTimeOffset now, string? effectivenessNote) =>
        Move(measure, MeasureAction.Complete, actor, now,
            string.IsNullOrWhiteSpace(effectivenessNote) ? DomainError.Of(WorkflowErrorCodes.EffectivenessNoteRequired) : null,
            m => m with { EffectivenessNote = effectivenessNote!.Trim() });

    public static Result<TrackedMeasure> Cancel(TrackedMeasure measure, MeasureActor actor, DateTimeOffset now, string? reason) =>
        Move(measure, MeasureAction.Cancel, actor, now,
            string.IsNullOrWhiteSpace(reason) ? DomainError.Of(WorkflowErrorCodes.CancellationReasonRequired) : null,
            m => m with { CancellationReason = reason!.Trim() });

    public static bool MayAct(TrackedMeasure measure, MeasureAction action, MeasureActor actor) =>
        action == MeasureAction.Cancel
            ? actor.Roles.Contains(Role.SystemOwner) || actor.Roles.Contains(Role.Coordinator)
            : actor.Roles.Contains(Role.SystemOwner) || actor.IsResponsibleFor(measure);

    public static IReadOnlyList<MeasureAction> AvailableActions(TrackedMeasure measure, MeasureActor actor) =>
        [.. Table.Keys.Where(a => Table[a].From.Contains(measure.Status) && MayAct(measure, a, actor))];

    private static Result<TrackedMeasure> Move(
        TrackedMeasure measure, MeasureAction action, MeasureActor actor, DateTimeOffset now, DomainError? guard,
        Func<TrackedMeasure, TrackedMeasure> apply)
    {
        var (from, to) = Table[action];
        if (!from.Contains(measure.Status))
        {
            return DomainError.Of(WorkflowErrorCodes.MeasureTransitionForbidden, ("action", action), ("status", measure.Status));
        }

        if (!MayAct(measure, action, actor))
        {
            return DomainError.Of(WorkflowErrorCodes.MeasureActorNotAllowed, ("action", action));
        }

        return guard is not null ? guard : apply(measure) with { Status = to, ChangedAt = now };
    }
}
