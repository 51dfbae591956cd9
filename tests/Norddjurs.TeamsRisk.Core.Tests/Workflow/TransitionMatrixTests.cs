using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Workflow;

namespace Norddjurs.TeamsRisk.Core.Tests.Workflow;

/// <summary>
/// Every (state, action, role) against design.md §3 written out again here, independently of the table in Core:
/// an allowed cell leads to its state, a wrong state is <c>workflow.transition_forbidden</c>, a wrong role
/// <c>workflow.role_missing</c>.
/// </summary>
public sealed class TransitionMatrixTests
{
    private static readonly Dictionary<AssessmentAction, (AssessmentState?[] From, AssessmentState To, Role[] Who)> Design = new()
    {
        [AssessmentAction.Invite] = ([null], AssessmentState.Invited, [Role.Coordinator, Role.System]),
        [AssessmentAction.Open] = ([AssessmentState.Invited, AssessmentState.Returned], AssessmentState.InProgress, [Role.SystemOwner]),
        [AssessmentAction.Submit] = ([AssessmentState.InProgress], AssessmentState.Submitted, [Role.SystemOwner]),
        [AssessmentAction.Return] = ([AssessmentState.Submitted], AssessmentState.Returned, [Role.Committee]),
        [AssessmentAction.Approve] = ([AssessmentState.Submitted], AssessmentState.Approved, [Role.Committee]),
        [AssessmentAction.Escalate] = ([AssessmentState.Approved], AssessmentState.Escalated, [Role.System]),
        [AssessmentAction.CompleteDecisions] = ([AssessmentState.Escalated], AssessmentState.Decided, [Role.System]),
        [AssessmentAction.Cancel] = ([AssessmentState.Invited, AssessmentState.InProgress, AssessmentState.Returned], AssessmentState.Cancelled, [Role.Coordinator]),
        [AssessmentAction.Supersede] = ([AssessmentState.Approved, AssessmentState.Decided], AssessmentState.Superseded, [Role.System]),
    };

    public static TheoryData<AssessmentState?, AssessmentAction, Role> Cells()
    {
        var data = new TheoryData<AssessmentState?, AssessmentAction, Role>();
        var states = new AssessmentState?[] { null }.Concat(Enum.GetValues<AssessmentState>().Cast<AssessmentState?>());
        foreach (var state in states)
        {
            foreach (var action in Enum.GetValues<AssessmentAction>())
            {
                foreach (var role in Enum.GetValues<Role>())
                {
                    data.Add(state, action, role);
                }
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(Cells))]
    public void Each_cell_is_allowed_or_refused_as_design_section_3_says(AssessmentState? state, AssessmentAction action, Role role)
    {
        var (from, to, who) = Design[action];
        var result = AssessmentTransitions.Check(state, action, new HashSet<Role> { role });

        if (!from.Contains(state))
        {
            Assert.Equal("workflow.transition_forbidden", result.Errors.Single().Code);
        }
        else if (!who.Contains(role))
        {
            Assert.Equal("workflow.role_missing", result.Errors.Single().Code);
        }
        else
        {
            Assert.Equal(to, result.Value);
        }
    }

    [Fact]
    public void The_auditor_can_do_nothing_in_any_state()
    {
        var auditor = new HashSet<Role> { Role.Auditor };
        Assert.Empty(AssessmentTransitions.AvailableActions(null, auditor));
        Assert.All(Enum.GetValues<AssessmentState>(), s => Assert.Empty(AssessmentTransitions.AvailableActions(s, auditor)));
    }

    [Fact]
    public void An_owner_who_is_also_on_the_committee_sees_the_actions_of_both_roles()
    {
        var both = new HashSet<Role> { Role.SystemOwner, Role.Committee };
        Assert.Equal([AssessmentAction.Return, AssessmentAction.Approve], AssessmentTransitions.AvailableActions(AssessmentState.Submitted, both));
        Assert.Equal([AssessmentAction.Submit], AssessmentTransitions.AvailableActions(AssessmentState.InProgress, both));
    }

    [Fact]
    public void The_wrong_state_is_reported_before_the_wrong_role_with_the_action_and_state_named()
    {
        var error = AssessmentTransitions.Check(AssessmentState.Cancelled, AssessmentAction.Submit, new HashSet<Role> { Role.Auditor }).Errors.Single();
        Assert.Equal("workflow.transition_forbidden", error.Code);
        Assert.Equal("submit", error.Args["action"]);
        Assert.Equal("Cancelled", error.Args["state"]);
        Assert.Contains("submit", error.Message(Language.Danish), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_role_names_who_may()
    {
        var error = AssessmentTransitions.Check(AssessmentState.Submitted, AssessmentAction.Approve, new HashSet<Role> { Role.SystemOwner }).Errors.Single();
        Assert.Equal("committee", error.Args["roles"]);
        Assert.Equal("None of your roles may \"approve\". Who may: committee.", error.Message(Language.English));
    }

    [Theory]
    [InlineData(AssessmentState.Approved, true)]
    [InlineData(AssessmentState.Decided, true)]
    [InlineData(AssessmentState.Cancelled, true)]
    [InlineData(AssessmentState.Superseded, true)]
    [InlineData(AssessmentState.Invited, false)]
    [InlineData(AssessmentState.InProgress, false)]
    [InlineData(AssessmentState.Submitted, false)]
    [InlineData(AssessmentState.Returned, false)]
    [InlineData(AssessmentState.Escalated, false)]
    public void Final_states_are_those_of_design_section_3(AssessmentState state, bool final) =>
        Assert.Equal(final, AssessmentTransitions.IsFinal(state));

    [Fact]
    public void Action_ids_round_trip()
    {
        Assert.All(Enum.GetValues<AssessmentAction>(), a =>
        {
            Assert.True(AssessmentActionIds.TryParse(a.Id(), out var parsed));
            Assert.Equal(a, parsed);
        });
        Assert.False(AssessmentActionIds.TryParse("delete", out _));
    }
}
