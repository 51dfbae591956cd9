using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Workflow;

/// <summary>What a submission freezes and whom it tells at once (design.md §3: Kritisk lines notify the directorate now).</summary>
public sealed record Submission(AssessmentSnapshot Snapshot, IReadOnlyList<string> NotifyNow);

/// <summary>
/// The guarded transitions of design.md §3. Each checks the table (state, then role) and then its guard,
/// and returns what the caller stores with the new state; nothing here reads a clock or a store.
/// </summary>
public static class AssessmentWorkflow
{
    public static Result<AssessmentState> Invite(IReadOnlySet<Role> roles, bool systemActive, bool hasOpenAssessment)
    {
        var allowed = AssessmentTransitions.Check(null, AssessmentAction.Invite, roles);
        if (!allowed.IsSuccess)
        {
            return allowed;
        }

        if (!systemActive)
        {
            return DomainError.Of(WorkflowErrorCodes.SystemInactive);
        }

        return hasOpenAssessment ? DomainError.Of(WorkflowErrorCodes.OpenAssessmentExists) : allowed;
    }

    public static Result<AssessmentState> Open(AssessmentState from, IReadOnlySet<Role> roles) =>
        AssessmentTransitions.Check(from, AssessmentAction.Open, roles);

    /// <summary>Complete and valid (§3.5), then frozen with its SHA-256; bands that notify on submit are named.</summary>
    public static Result<Submission> Submit(
        Assessment assessment, IReadOnlySet<Role> roles, RiskMethod method, EventCatalogue catalogue,
        DateTimeOffset now, string submittedBy)
    {
        var allowed = AssessmentTransitions.Check(assessment.State, AssessmentAction.Submit, roles);
        if (!allowed.IsSuccess)
        {
            return Result<Submission>.Failure(allowed.Errors);
        }

        var problems = Completeness.Check(assessment, method, catalogue, DateOnly.FromDateTime(now.UtcDateTime));
        if (problems.Count > 0)
        {
            return Result<Submission>.Failure(problems);
        }

        var notify = assessment.Lines
            .SelectMany(l => method.RuleFor(l.Score.Band).NotifyOnSubmit)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new Submission(AssessmentSnapshot.Freeze(assessment, method, now, submittedBy), notify);
    }

    public static Result<AssessmentState> Return(AssessmentState from, IReadOnlySet<Role> roles, string? comment) =>
        Guarded(from, AssessmentAction.Return, roles, string.IsNullOrWhiteSpace(comment) ? DomainError.Of(WorkflowErrorCodes.CommentRequired) : null);

    public static Result<AssessmentState> Cancel(AssessmentState from, IReadOnlySet<Role> roles, string? reason) =>
        Guarded(from, AssessmentAction.Cancel, roles, string.IsNullOrWhiteSpace(reason) ? DomainError.Of(WorkflowErrorCodes.ReasonRequired) : null);

    /// <summary>
    /// The committee approves with a recommendation (indstilling) for every line above the appetite or in a band
    /// whose rule asks for one; the escalations to create come back, one per above-appetite line.
    /// </summary>
    public static Result<IReadOnlyList<Escalation>> Approve(
        Assessment assessment, IReadOnlySet<Role> roles, RiskMethod method, IReadOnlyDictionary<string, string> recommendations)
    {
        var allowed = AssessmentTransitions.Check(assessment.State, AssessmentAction.Approve, roles);
        if (!allowed.IsSuccess)
        {
            return Result<IReadOnlyList<Escalation>>.Failure(allowed.Errors);
        }

        var errors = new List<DomainError>();
        errors.AddRange(recommendations.Keys
            .Where(eventId => assessment.Line(eventId) is null)
            .Select(eventId => DomainError.Of(WorkflowErrorCodes.RecommendationForUnknownLine, ("event", eventId))));
        errors.AddRange(assessment.Lines
            .Where(l => NeedsRecommendation(l, method) && !HasText(recommendations, l.EventId))
            .Select(l => DomainError.Of(WorkflowErrorCodes.RecommendationMissing, ("event", l.EventId), ("band", l.Score.Band.Id))));
        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<Escalation>>.Failure(errors);
        }

        IReadOnlyList<Escalation> escalations = assessment.Lines
            .Where(l => !l.Score.WithinAppetite)
            .Select(l => new Escalation(
                Escalation.IdFor(assessment.Id, l.EventId), assessment.Id, l.EventId, l.Score.Band.Id,
                method.AuthorityFor(l.Score.Band), recommendations[l.EventId].Trim(),
                Flags.ComplianceGapOn(assessment, method, l.EventId)))
            .ToList();
        return Result<IReadOnlyList<Escalation>>.Success(escalations);
    }

    /// <summary>Automatic right after approval when there is anything to escalate.</summary>
    public static Result<AssessmentState> Escalate(AssessmentState from, IReadOnlySet<Role> roles, IReadOnlyCollection<Escalation> escalations) =>
        Guarded(from, AssessmentAction.Escalate, roles, escalations.Count == 0 ? DomainError.Of(WorkflowErrorCodes.NothingToEscalate) : null);

    /// <summary>Automatic when the last escalation is decided.</summary>
    public static Result<AssessmentState> CompleteDecisions(AssessmentState from, IReadOnlySet<Role> roles, IReadOnlyCollection<Escalation> escalations)
    {
        var pending = escalations.Count(e => e.State == EscalationState.Pending);
        return Guarded(from, AssessmentAction.CompleteDecisions, roles,
            pending > 0 ? DomainError.Of(WorkflowErrorCodes.EscalationsPending, ("count", pending)) : null);
    }

    /// <summary>A newer assessment of the same system supersedes this one once it is Approved or Decided.</summary>
    public static Result<AssessmentState> Supersede(AssessmentState from, IReadOnlySet<Role> roles, AssessmentState newer) =>
        Guarded(from, AssessmentAction.Supersede, roles,
            newer is AssessmentState.Approved or AssessmentState.Decided ? null : DomainError.Of(WorkflowErrorCodes.NewerNotFinal, ("state", newer)));

    public static bool NeedsRecommendation(RiskLine line, RiskMethod method) =>
        !line.Score.WithinAppetite || method.RuleFor(line.Score.Band).CommitteeRecommendationRequired;

    private static Result<AssessmentState> Guarded(AssessmentState from, AssessmentAction action, IReadOnlySet<Role> roles, DomainError? guard)
    {
        var allowed = AssessmentTransitions.Check(from, action, roles);
        return !allowed.IsSuccess || guard is null ? allowed : guard;
    }

    private static bool HasText(IReadOnlyDictionary<string, string> texts, string key) =>
        texts.TryGetValue(key, out var text) && !string.IsNullOrWhiteSpace(text);
}
