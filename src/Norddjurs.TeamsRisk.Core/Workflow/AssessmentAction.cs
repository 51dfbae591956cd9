namespace Norddjurs.TeamsRisk.Core.Workflow;

/// <summary>The actions of the assessment workflow (design.md §3). Each applied action is an audit entry.</summary>
public enum AssessmentAction
{
    Invite,
    Open,
    Submit,
    Return,
    Approve,

    /// <summary>Automatic after approval when at least one line is above the appetite.</summary>
    Escalate,

    /// <summary>Automatic when the last escalation is decided.</summary>
    CompleteDecisions,
    Cancel,

    /// <summary>Automatic when a newer assessment of the system reaches Approved or Decided.</summary>
    Supersede,
}

public static class AssessmentActionIds
{
    private static readonly Dictionary<AssessmentAction, string> Ids = new()
    {
        [AssessmentAction.Invite] = "invite",
        [AssessmentAction.Open] = "open",
        [AssessmentAction.Submit] = "submit",
        [AssessmentAction.Return] = "return",
        [AssessmentAction.Approve] = "approve",
        [AssessmentAction.Escalate] = "escalate",
        [AssessmentAction.CompleteDecisions] = "completeDecisions",
        [AssessmentAction.Cancel] = "cancel",
        [AssessmentAction.Supersede] = "supersede",
    };

    public static string Id(this AssessmentAction action) => Ids[action];

    public static bool TryParse(string id, out AssessmentAction action)
    {
        foreach (var (candidate, candidateId) in Ids)
        {
            if (candidateId == id)
            {
                action = candidate;
                return true;
            }
        }

        action = default;
        return false;
    }
}
