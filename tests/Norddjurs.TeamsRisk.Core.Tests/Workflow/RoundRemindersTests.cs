using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;

namespace Norddjurs.TeamsRisk.Core.Tests.Workflow;

public sealed class RoundRemindersTests
{
    private static readonly RoundInvitation Invited = new("r:A", "A", AssessmentState.Invited);
    private static readonly RoundInvitation Working = new("r:B", "B", AssessmentState.InProgress);
    private static readonly RoundInvitation Returned = new("r:C", "C", AssessmentState.Returned);
    private static readonly RoundInvitation Submitted = new("r:D", "D", AssessmentState.Submitted);
    private static readonly RoundInvitation Cancelled = new("r:E", "E", AssessmentState.Cancelled);
    private static readonly RoundInvitation[] Round = [Invited, Working, Returned, Submitted, Cancelled];

    [Fact]
    public void Without_a_choice_everyone_the_assessment_is_still_with_is_reminded()
    {
        Assert.Equal([Invited, Working, Returned], RoundReminders.Choose(Round, null).Value);
        Assert.Equal([Invited, Working, Returned], RoundReminders.Choose(Round, []).Value);
    }

    [Fact]
    public void A_choice_is_taken_once_each_in_the_order_given()
    {
        Assert.Equal([Returned, Invited], RoundReminders.Choose(Round, ["r:C", "r:A", "r:C"]).Value);
    }

    [Fact]
    public void A_submitted_cancelled_or_unknown_choice_refuses_the_whole_request_naming_each()
    {
        var refused = RoundReminders.Choose(Round, ["r:A", "r:D", "r:E", "r:X"]);

        Assert.Equal(
            [
                DomainError.Of(WorkflowErrorCodes.ReminderAlreadySubmitted, ("system", "D")),
                DomainError.Of(WorkflowErrorCodes.ReminderCancelled, ("system", "E")),
                DomainError.Of(WorkflowErrorCodes.ReminderNotInRound, ("assessment", "r:X")),
            ],
            refused.Errors);
    }

    [Theory]
    [InlineData(AssessmentState.Submitted)]
    [InlineData(AssessmentState.Approved)]
    [InlineData(AssessmentState.Decided)]
    [InlineData(AssessmentState.Cancelled)]
    public void A_round_with_nobody_left_to_submit_is_finished(AssessmentState state)
    {
        var refused = RoundReminders.Choose([new RoundInvitation("r:A", "A", state), Submitted], null);

        Assert.Equal([DomainError.Of(WorkflowErrorCodes.RoundFinished)], refused.Errors);
    }
}
