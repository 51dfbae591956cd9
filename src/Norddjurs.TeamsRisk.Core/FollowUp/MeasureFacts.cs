using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// What the due rules read of one measure (design.md §3, risk-method.md §3.4): its current deadline (as the
/// decision-maker may have shortened it) and the Entra object id of the person responsible.
/// </summary>
public sealed record MeasureFacts(
    string Id,
    string SystemId,
    string RiskLineId,
    MeasureStatus Status,
    DateOnly Deadline,
    string ResponsibleObjectId);
