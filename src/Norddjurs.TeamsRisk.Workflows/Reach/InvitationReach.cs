namespace Norddjurs.TeamsRisk.Workflows.Reach;

/// <summary>How an owner's invitation got to them, as the coordinator reads it per owner (issue 8 item 1).</summary>
public enum ReachChannel
{
    /// <summary>The app was installed for the owner; the invitation waits for Teams to open the chat.</summary>
    Installing,

    Teams,

    Mail,

    /// <summary>Neither Teams nor mail could reach the owner; <see cref="InvitationReach.Reason"/> says why.</summary>
    NotReached,
}

/// <summary>The last thing the dispatcher learnt about delivering an assessment's invitation, and why it went that way.</summary>
public sealed record InvitationReach(ReachChannel Channel, string? Reason, DateTimeOffset At);
