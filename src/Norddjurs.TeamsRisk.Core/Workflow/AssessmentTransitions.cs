using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Core.Workflow;

/// <summary>One row of the transition table: from which states an action leads where, and who may take it.</summary>
public sealed record AssessmentTransition(
    AssessmentAction Action,
    IReadOnlySet<AssessmentState> From,
    AssessmentState To,
    IReadOnlySet<Role> Who,
    bool FromNothing = false);

/// <summary>
/// The assessment table of design.md §3 as data. Guards that need more than state and role (completeness,
/// comments, recommendations) live in <see cref="AssessmentWorkflow"/>; this table answers "may this role
/// take this action from this state at all", so the bot and the tab can show only what is allowed.
/// </summary>
public static class AssessmentTransitions
{
    public static IReadOnlyList<AssessmentTransition> Table { get; } =
    [
        new(AssessmentAction.Invite, States(), AssessmentState.Invited, Roles(Role.Coordinator, Role.System), FromNothing: true),
        new(AssessmentAction.Open, States(AssessmentState.Invited, AssessmentState.Returned), AssessmentState.InProgress, Roles(Role.SystemOwner)),
        new(AssessmentAction.Submit, States(AssessmentState.InProgress), AssessmentState.Submitted, Roles(Role.SystemOwner)),
        new(AssessmentAction.Return, States(AssessmentState.Submitted), AssessmentState.Returned, Roles(Role.Committee)),
        new(AssessmentAction.Approve, States(AssessmentState.Submitted), AssessmentState.Approved, Roles(Role.Committee)),
        new(AssessmentAction.Escalate, States(AssessmentState.Approved), AssessmentState.Escalated, Roles(Role.System)),
        new(AssessmentAction.CompleteDecisions, States(AssessmentState.Escalated), AssessmentState.Decided, Roles(Role.System)),
        new(AssessmentAction.Cancel, States(AssessmentState.Invited, AssessmentState.InProgress, AssessmentState.Returned), AssessmentState.Cancelled, Roles(Role.Coordinator)),
        new(AssessmentAction.Supersede, States(AssessmentState.Approved, AssessmentState.Decided), AssessmentState.Superseded, Roles(Role.System)),
    ];

    /// <summary>Approved here means "nothing above the appetite": an approval with escalations moves on at once.</summary>
    public static bool IsFinal(AssessmentState state) =>
        state is AssessmentState.Approved or AssessmentState.Decided or AssessmentState.Cancelled or AssessmentState.Superseded;

    public static AssessmentTransition Row(AssessmentAction action) => Table.First(t => t.Action == action);

    /// <summary>The state an action leads to, or why it may not be taken: the state first, then the role.</summary>
    /// <param name="from">The current state; null when the assessment does not exist yet.</param>
    /// <param name="roles">The roles the actor holds for this assessment's system (design.md §4).</param>
    public static Result<AssessmentState> Check(AssessmentState? from, AssessmentAction action, IReadOnlySet<Role> roles)
    {
        var row = Row(action);
        var stateAllows = from is null ? row.FromNothing : row.From.Contains(from.Value);
        if (!stateAllows)
        {
            return DomainError.Of(WorkflowErrorCodes.TransitionForbidden,
                ("action", action.Id()), ("state", from?.ToString() ?? "—"));
        }

        if (!row.Who.Overlaps(roles))
        {
            return DomainError.Of(WorkflowErrorCodes.RoleMissing,
                ("action", action.Id()), ("roles", string.Join(", ", row.Who.Select(r => r.Id()))));
        }

        return row.To;
    }

    /// <summary>What this actor may do now; an auditor's list is always empty.</summary>
    public static IReadOnlyList<AssessmentAction> AvailableActions(AssessmentState? state, IReadOnlySet<Role> roles) =>
        [.. Table.Where(t => Check(state, t.Action, roles).IsSuccess).Select(t => t.Action)];

    private static HashSet<AssessmentState> States(params AssessmentState[] states) => [.. states];

    private static HashSet<Role> Roles(params Role[] roles) => [.. roles];
}
