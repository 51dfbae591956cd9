using System.Text.Json.Serialization;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>What a transition answers: the assessment's new state (a replay answers the same).</summary>
public sealed record AssessmentChanged(string AssessmentId, AssessmentState State)
{
    /// <summary>The assessment as the transition's commit stored it, where the use case offers it; null on a replay (not kept with the applied change).</summary>
    [JsonIgnore]
    public Loaded<AssessmentRecord>? Saved { get; init; }
}
