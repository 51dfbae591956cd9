namespace Norddjurs.TeamsRisk.Cards.Actions;

/// <summary>
/// The verbs of the cards' <c>Action.Execute</c> (teams-bot-protocol.md §4.3). The bot routes on them; each
/// action's data also carries the verb, so the <c>Action.Submit</c> fallback path routes the same way.
/// </summary>
public static class CardVerbs
{
    /// <summary>Show the user's assessments (welcome card; the "start" command).</summary>
    public const string Start = "start";

    /// <summary>Begin or continue one assessment at its current step.</summary>
    public const string Open = "assessment.open";

    /// <summary>Save the step's answers and go on.</summary>
    public const string Next = "flow.next";

    /// <summary>Go to the previous step; answers on the card are kept as pending input, not validated.</summary>
    public const string Back = "flow.back";

    /// <summary>Save the step's answers and show the same step again (recompute points, add a measure or an event).</summary>
    public const string Save = "flow.save";

    /// <summary>From the summary to the step in the <c>jumpTarget</c> input.</summary>
    public const string Jump = "flow.jump";

    /// <summary>Submit the assessment from the summary.</summary>
    public const string Submit = "flow.submit";

    /// <summary>Card-level refresh: rebuild the current step's card for the user who sees it.</summary>
    public const string View = "flow.view";

    /// <summary>The committee's card of a submission for the user who sees it (the card's refresh): actionable for a member, read-only for others.</summary>
    public const string CommitteeView = "committee.view";

    /// <summary>The read-only card's button, where a client does not refresh: as <see cref="CommitteeView"/>, and a non-member is told why nothing changes.</summary>
    public const string CommitteeReview = "committee.review";

    /// <summary>The committee approves, with a recommendation (indstilling) for every line that needs one.</summary>
    public const string CommitteeApprove = "committee.approve";

    /// <summary>The committee returns the submission to its owner with a comment.</summary>
    public const string CommitteeReturn = "committee.return";

    /// <summary>The decision card of one escalation for the user who sees it: actionable for the band's authority or a higher rank.</summary>
    public const string EscalationView = "escalation.view";

    /// <summary>The authority endorses the owner's measures, deadlines possibly shortened.</summary>
    public const string EscalationEndorse = "escalation.endorse";

    /// <summary>The authority requires other measures, with a deadline.</summary>
    public const string EscalationRequire = "escalation.require";

    /// <summary>The authority accepts the risk until an end date, with a justification.</summary>
    public const string EscalationAccept = "escalation.accept";

    public static IReadOnlyList<string> All { get; } =
        [Start, Open, Next, Back, Save, Jump, Submit, View, CommitteeView, CommitteeReview, CommitteeApprove, CommitteeReturn,
         EscalationView, EscalationEndorse, EscalationRequire, EscalationAccept];
}
