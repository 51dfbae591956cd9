using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Workflow;

/// <summary>
/// A measure being followed up after submission (design.md §3): from the owner's plan, or required by an
/// authority (<see cref="Binding"/>). Its stored status is never Forsinket: that is derived for display.
/// </summary>
public sealed record TrackedMeasure(
    string Id,
    string AssessmentId,
    string EventId,
    string Description,
    string ResponsibleObjectId,
    DateOnly Deadline,
    MeasureStatus Status = MeasureStatus.Planlagt,
    bool Binding = false,
    string? EffectivenessNote = null,
    string? CancellationReason = null,
    DateTimeOffset? ChangedAt = null,
    AchievedResidual? Residual = null)
{
    public bool IsOpen => Status is MeasureStatus.Planlagt or MeasureStatus.Igangsat;

    /// <summary>Forsinket once the deadline has passed and the measure is neither done nor cancelled.</summary>
    public MeasureStatus DisplayStatus(DateOnly today) => IsOpen && today > Deadline ? MeasureStatus.Forsinket : Status;
}

/// <summary>
/// The risk as the owner re-scored it when the measure was done (design.md §3, risk-method.md §2.1 step 10): the
/// likelihood and consequence entered, the points and band the method computed from them.
/// </summary>
public sealed record AchievedResidual(int Likelihood, int Consequence, int Points, string Band, bool WithinAppetite)
{
    public static AchievedResidual Of(RiskScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return new(score.Likelihood.Value, score.Consequence.Value, score.Points, score.Band.Id, score.WithinAppetite);
    }
}

/// <summary>What the owner enters to mark a measure done: how well it works and the residual risk it achieved.</summary>
public sealed record MeasureCompletion(string? EffectivenessNote, int? ResidualLikelihood, int? ResidualConsequence);

public enum MeasureAction
{
    Start,
    Complete,
    Cancel,
}

/// <summary>Who acts on a measure: the roles for its system, and whether they are the person responsible for it.</summary>
public sealed record MeasureActor(string ObjectId, IReadOnlySet<Role> Roles)
{
    public bool IsResponsibleFor(TrackedMeasure measure) => string.Equals(ObjectId, measure.ResponsibleObjectId, StringComparison.OrdinalIgnoreCase);
}
