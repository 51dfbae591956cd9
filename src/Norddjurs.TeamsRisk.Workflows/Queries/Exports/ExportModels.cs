using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Queries.Register;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Exports;

/// <summary>
/// One risk line as the auditor reads it (risk-method.md §5): the inputs and the computed score, the owner's treatment
/// and justification, the committee's recommendation and the authority's decision, with the method it was scored by.
/// </summary>
public sealed record ExportedRisk(
    string SystemId,
    string SystemName,
    string Department,
    string AssessmentId,
    string? RoundId,
    AssessmentState State,
    string EventId,
    LocalizedText EventName,
    int Likelihood,
    int Consequence,
    int Points,
    Band Band,
    bool WithinAppetite,
    int ResidualPoints,
    Band ResidualBand,
    string? Treatment,
    string? Justification,
    string? Recommendation,
    EscalationDecisionKind? Decision,
    string? DecisionJustification,
    DateOnly? AcceptedUntil,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? CaseNumber,
    IReadOnlyList<PlannedMeasure> Measures,
    DateOnly? SubmittedOn,
    DateOnly? ApprovedOn,
    PinnedVersion Method);

/// <summary>Everything the register export holds, read at one moment, with the audit chain head it can be checked against.</summary>
public sealed record RegisterExport(
    IReadOnlyList<RegisterRow> Systems,
    IReadOnlyList<ExportedRisk> Risks,
    RiskMethod Method,
    HeatmapPair Matrices,
    ChainHead? ChainHead,
    DateTimeOffset GeneratedAt);

/// <summary>One system's assessment in one round, for the printable report.</summary>
public sealed record SystemReport(
    string SystemId,
    string SystemName,
    string Department,
    string AssessmentId,
    string? RoundId,
    AssessmentState State,
    PinnedVersion Method,
    PinnedVersion Catalogue,
    RiskMethod? MethodData,
    string? SnapshotSha256,
    IReadOnlyList<ExportedRisk> Risks,
    Headline? Headline,
    ChainHead? ChainHead,
    DateTimeOffset GeneratedAt);
