using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;

namespace Norddjurs.TeamsRisk.Workflows.Common;

public static class AuditContexts
{
    /// <summary>Where an assessment action sits: round, system, and the method and catalogue it pinned (risk-method.md §5).</summary>
    public static AuditContext For(Assessment assessment, string systemId) => new()
    {
        RoundId = assessment.RoundId,
        AssessmentId = assessment.Id,
        SystemId = systemId,
        MethodId = assessment.Method.Id,
        MethodVersion = assessment.Method.Version,
        MethodSha256 = assessment.Method.Sha256,
        CatalogId = assessment.Catalogue.Id,
        CatalogVersion = assessment.Catalogue.Version,
        CatalogSha256 = assessment.Catalogue.Sha256,
    };

    public static AuditSubject Subject(Assessment assessment) => new("assessment", assessment.Id);
}
