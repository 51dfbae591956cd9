using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

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
        Move(measure, MeasureAction.Start, actor, now, [], m => m);

    /// <summary>
    /// Done, with the effectiveness note and the residual the owner re-scored: likelihood and consequence on the
    /// method's scale (§3.5 rule 1), points and band computed here. The risk line itself keeps its score until the
    /// reassessment that <c>measureCompleted</c> starts (§2.3): a snapshot never changes (§3.5 rule 8).
    /// </summary>
    public static Result<TrackedMeasure> Complete(TrackedMeasure measure, MeasureActor actor, DateTimeOffset now, MeasureCompletion completion, RiskMethod method)
    {
        ArgumentNullException.ThrowIfNull(completion);
        ArgumentNullException.ThrowIfNull(method);
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(completion.EffectivenessNote))
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.EffectivenessNoteRequired));
        }

        var likelihood = default(Likelihood);
        var consequence = default(ConsequenceLevel);
        if (completion.ResidualLikelihood is not { } l || completion.ResidualConsequence is not { } c)
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.ResidualRequired, ("min", method.Scale.Min), ("max", method.Scale.Max)));
        }
        else if (!Likelihood.TryFrom(l, method, out likelihood) | !ConsequenceLevel.TryFrom(c, method, out consequence))
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.ResidualOutOfRange, ("likelihood", l), ("consequence", c), ("min", method.Scale.Min), ("max", method.Scale.Max)));
        }

        return Move(measure, MeasureAction.Complete, actor, now, errors,
            m => m with { EffectivenessNote = completion.EffectivenessNote!.Trim(), Residual = AchievedResidual.Of(method.Score(likelihood, consequence)) });
    }

    public static Result<TrackedMeasure> Cancel(TrackedMeasure measure, MeasureActor actor, DateTimeOffset now, string? reason) =>
        Move(measure, MeasureAction.Cancel, actor, now,
            string.IsNullOrWhiteSpace(reason) ? [DomainError.Of(WorkflowErrorCodes.CancellationReasonRequired)] : [],
            m => m with { CancellationReason = reason!.Trim() });

    public static bool MayAct(TrackedMeasure measure, MeasureAction action, MeasureActor actor) =>
        action == MeasureAction.Cancel
            ? actor.Roles.Contains(Role.SystemOwner) || actor.Roles.Contains(Role.Coordinator)
            : actor.Roles.Contains(Role.SystemOwner) || actor.IsResponsibleFor(measure);

    public static IReadOnlyList<MeasureAction> AvailableActions(TrackedMeasure measure, MeasureActor actor) =>
        [.. Table.Keys.Where(a => Table[a].From.Contains(measure.Status) && MayAct(measure, a, actor))];

    private static Result<TrackedMeasure> Move(
        TrackedMeasure measure, MeasureAction action, MeasureActor actor, DateTimeOffset now, List<DomainError> guard,
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

        return guard.Count > 0 ? Result<TrackedMeasure>.Failure(guard) : apply(measure) with { Status = to, ChangedAt = now };
    }
}
