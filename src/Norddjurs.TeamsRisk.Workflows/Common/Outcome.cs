using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Workflows.Common;

/// <summary>
/// What a use case answers. Each case maps to one HTTP status or card reply: Done 200 (also for a replay, which
/// answers as the first time), Rejected 400 with every error, NotFound 404 (also for what the actor may not see),
/// Forbidden 403, Conflict 409 (re-read and try again).
/// </summary>
public abstract record Outcome<T>
{
    private Outcome()
    {
    }

    public sealed record Done(T Value, bool Replayed = false) : Outcome<T>;

    public sealed record Rejected(IReadOnlyList<DomainError> Errors) : Outcome<T>;

    public sealed record NotFound : Outcome<T>;

    public sealed record Forbidden(DomainError Error) : Outcome<T>;

    public sealed record Conflict : Outcome<T>;

    public bool IsDone => this is Done;


    public static Outcome<T> From(DomainError error) =>
        error.Code is Core.Workflow.WorkflowErrorCodes.RoleMissing or Core.Workflow.WorkflowErrorCodes.MeasureActorNotAllowed or Core.Workflow.WorkflowErrorCodes.AuthorityInsufficient
            ? new Forbidden(error)
            : new Rejected([error]);

    /// <summary>A refused role is 403 whatever else is wrong; otherwise every error at once.</summary>
    public static Outcome<T> From(IReadOnlyList<DomainError> errors) =>
        errors.Count == 1 ? From(errors[0]) : new Rejected(errors);
}
