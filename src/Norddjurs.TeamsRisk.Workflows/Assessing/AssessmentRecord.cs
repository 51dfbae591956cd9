using System.Text.Json.Serialization;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>
/// One assessment as stored: the guided flow's state (the assessment with every saved answer and the step),
/// the system and owner it belongs to, its deadline, and what the committee and coordinator wrote on it.
/// <see cref="CommitteePost"/> is where the submission's card sits in the committee channel, so a decision can update it in
/// place; <see cref="Review"/> is who decided it there (or through the API) and when.
/// <see cref="SystemName"/>, <see cref="OwnerName"/>, <see cref="OwnerUpn"/> and <see cref="HeadlineBand"/> are readable
/// copies for the committee, who filter the SharePoint list by them (design.md §1); nothing decides on them.
/// <see cref="Triggers"/> are the reassessment triggers (risk-method.md §2.3) that fired while this assessment was open.
/// </summary>
public sealed record AssessmentRecord(
    FlowState Flow,
    string SystemId,
    string OwnerObjectId,
    DateOnly? Deadline,
    string? SnapshotId = null,
    string? ReturnComment = null,
    string? CancelReason = null,
    IReadOnlyDictionary<string, string>? Recommendations = null,
    Reviewing.CommitteePost? CommitteePost = null,
    Reviewing.CommitteeReview? Review = null,
    AssessmentDates? Dates = null,
    string? SystemName = null,
    string? OwnerName = null,
    string? OwnerUpn = null,
    string? HeadlineBand = null,
    IReadOnlyList<Reassessing.TriggerNote>? Triggers = null)
{
    // Shortcuts into the flow, not stored: written out they doubled every assessment document (the whole assessment
    // a second time), which every card action reads and writes. Documents that still carry them read as before.
    [JsonIgnore]
    public Assessment Assessment => Flow.Assessment;

    [JsonIgnore]
    public string Id => Flow.Assessment.Id;

    [JsonIgnore]
    public AssessmentState State => Flow.Assessment.State;

    /// <summary>
    /// The committee's decision as the SharePoint list shows it in its decision column (design.md §1, §3): Approved,
    /// Returned or Escalated; null while there is none to show (not yet reviewed, resubmitted, cancelled). Derived from the
    /// state and written out only so the store can copy it into the list; nothing reads it back.
    /// </summary>
    public string? CommitteeOutcome => State switch
    {
        AssessmentState.Returned => "Returned",
        AssessmentState.Approved or AssessmentState.Superseded => "Approved",
        AssessmentState.Escalated or AssessmentState.Decided => "Escalated",
        _ => null,
    };

    /// <summary>The committee's comment as the list shows it: the return comment, or the recommendations of an approval.</summary>
    public string? CommitteeNote => CommitteeOutcome switch
    {
        "Returned" => ReturnComment,
        not null when Recommendations is { Count: > 0 } r => string.Join("\n", r.Values.Distinct(StringComparer.Ordinal)),
        _ => null,
    };

    public AssessmentRecord WithState(AssessmentState state) => this with { Flow = Flow with { Assessment = Flow.Assessment with { State = state } } };

    public IReadOnlyDictionary<string, string> Index() => new Dictionary<string, string>
    {
        ["systemId"] = SystemId,
        ["roundId"] = Assessment.RoundId ?? string.Empty,
        ["state"] = State.ToString(),
        ["ownerObjectId"] = OwnerObjectId.ToLowerInvariant(),
    };

    public static string DocumentKind => DocumentKinds.Assessment;
}

/// <summary>
/// The Danish days the follow-up rules count from (design.md §7): invited, latest return, latest submission and
/// approval. Null on records stored before the dates were kept; the rules then leave that clock alone.
/// </summary>
public sealed record AssessmentDates(DateOnly? InvitedOn = null, DateOnly? ReturnedOn = null, DateOnly? SubmittedOn = null, DateOnly? ApprovedOn = null);
