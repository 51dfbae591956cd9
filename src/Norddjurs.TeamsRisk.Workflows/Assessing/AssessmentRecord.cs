using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>
/// One assessment as stored: the guided flow's state (the assessment with every saved answer and the step),
/// the system and owner it belongs to, its deadline, and what the committee and coordinator wrote on it.
/// <see cref="CommitteePost"/> is where the submission's card sits in the committee channel, so a decision can update it in
/// place; <see cref="Review"/> is who decided it there (or through the API) and when.
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
    Reviewing.CommitteeReview? Review = null)
{
    public Assessment Assessment => Flow.Assessment;

    public string Id => Flow.Assessment.Id;

    public AssessmentState State => Flow.Assessment.State;

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
