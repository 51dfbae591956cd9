using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Core.Workflow;

/// <summary>One invitation of a round as the reminder rule sees it.</summary>
public sealed record RoundInvitation(string AssessmentId, string SystemId, AssessmentState State);

/// <summary>
/// Which invitations of a round the coordinator's reminder reaches (risk-method.md §2.1 step 10): those still with the
/// owner — invited, in progress or returned. Without a choice, all of them. A round with none left is finished; a chosen
/// invitation that is submitted, cancelled or not in the round refuses the whole request, so nobody is reminded by halves.
/// </summary>
public static class RoundReminders
{
    public static bool IsWithOwner(AssessmentState state) =>
        state is AssessmentState.Invited or AssessmentState.InProgress or AssessmentState.Returned;

    public static Result<IReadOnlyList<RoundInvitation>> Choose(IReadOnlyList<RoundInvitation> invitations, IReadOnlyCollection<string>? chosen)
    {
        ArgumentNullException.ThrowIfNull(invitations);
        var open = invitations.Where(i => IsWithOwner(i.State)).ToList();
        if (open.Count == 0)
        {
            return DomainError.Of(WorkflowErrorCodes.RoundFinished);
        }

        if (chosen is null || chosen.Count == 0)
        {
            return open;
        }

        var errors = new List<DomainError>();
        var picked = new List<RoundInvitation>();
        foreach (var id in chosen.Distinct(StringComparer.Ordinal))
        {
            var invitation = invitations.FirstOrDefault(i => string.Equals(i.AssessmentId, id, StringComparison.Ordinal));
            if (invitation is null)
            {
                errors.Add(DomainError.Of(WorkflowErrorCodes.ReminderNotInRound, ("assessment", id)));
            }
            else if (invitation.State == AssessmentState.Cancelled)
            {
                errors.Add(DomainError.Of(WorkflowErrorCodes.ReminderCancelled, ("system", invitation.SystemId)));
            }
            else if (!IsWithOwner(invitation.State))
            {
                errors.Add(DomainError.Of(WorkflowErrorCodes.ReminderAlreadySubmitted, ("system", invitation.SystemId)));
            }
            else
            {
                picked.Add(invitation);
            }
        }

        return errors.Count > 0 ? Result<IReadOnlyList<RoundInvitation>>.Failure(errors) : picked;
    }
}
