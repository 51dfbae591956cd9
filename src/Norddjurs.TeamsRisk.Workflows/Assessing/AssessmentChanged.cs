using System.Text.Json.Serialization;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
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

public static class AssessmentChangedOutcomes
{
    /// <summary>A transition that committed now carries the assessment as written, so its caller shows it without a read.</summary>
    public static Outcome<AssessmentChanged> WithSaved(this Outcome<AssessmentChanged> outcome, ChangeSet change, AssessmentRecord updated)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(updated);
        return outcome is Outcome<AssessmentChanged>.Done { Replayed: false } done && change.Written(DocumentKinds.Assessment, updated.Id) is { } written
            ? done with { Value = done.Value with { Saved = new Loaded<AssessmentRecord>(updated, written) } }
            : outcome;
    }
}
