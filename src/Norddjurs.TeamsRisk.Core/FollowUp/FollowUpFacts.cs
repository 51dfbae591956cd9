namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>Everything the due rules read, as the app maps it from the store. Only open records need to be passed.</summary>
public sealed record FollowUpFacts
{
    public IReadOnlyList<AssessmentFacts> Assessments { get; init; } = [];

    public IReadOnlyList<MeasureFacts> Measures { get; init; } = [];

    public IReadOnlyList<AcceptanceFacts> Acceptances { get; init; } = [];

    public IReadOnlyList<SystemCycleFacts> Systems { get; init; } = [];

    public IReadOnlyList<DpfTransferFacts> DpfTransfers { get; init; } = [];

    public IReadOnlyList<MeasuresCompletedFacts> CompletedLines { get; init; } = [];

    public IReadOnlyList<TransferStatusFacts> TransferStatuses { get; init; } = [];
}
