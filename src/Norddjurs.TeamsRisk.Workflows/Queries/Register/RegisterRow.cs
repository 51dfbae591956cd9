using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Register;

/// <summary>The register flags of risk-method.md §3.4 and §7, as the register shows them next to the system.</summary>
public sealed record RegisterFlags(bool ThirdCountry, bool Dpia, bool ProcurementHold, bool ComplianceGap);

/// <summary>
/// One system in the register: its latest assessment's status, the headline of the assessment it is scored by
/// (the highest band with the count per band, never a sum; risk-method.md §3.3), its flags and the day its next
/// assessment is due. <see cref="Band"/> carries its colour and label; show both, always.
/// </summary>
public sealed record RegisterRow(
    string SystemId,
    string Name,
    string Department,
    string Owner,
    string? OwnerName,
    SystemStatus SystemStatus,
    string? AssessmentId,
    AssessmentState? Status,
    string? RoundId,
    string? ScoredAssessmentId,
    Band? Band,
    IReadOnlyDictionary<string, int> CountByBand,
    int AboveAppetite,
    int Lines,
    RegisterFlags Flags,
    DateOnly NextAssessmentDue,
    PinnedVersion? Method);

/// <summary>The values a filter can take, for the filter controls: what occurs in the register.</summary>
public sealed record RegisterFacets(IReadOnlyList<string> Departments, IReadOnlyList<string> Rounds, IReadOnlyList<Band> Bands);

public sealed record RegisterPage(IReadOnlyList<RegisterRow> Rows, int Page, int PageSize, int Total, RegisterFacets Facets)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
