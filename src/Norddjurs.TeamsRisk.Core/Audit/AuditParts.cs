namespace Norddjurs.TeamsRisk.Core.Audit;

/// <summary>
/// Who acted, as they were at the time (risk-method.md §5): a later rename must not rewrite history.
/// Roles are the method's role ids (<c>systemOwner</c> … <c>system</c>).
/// </summary>
public sealed record AuditActor(string ObjectId, string Upn, string DisplayName, IReadOnlyList<string> Roles, string? OnBehalfOf = null);

/// <summary>What the action was about: system, assessment, risk line, measure, method or catalogue.</summary>
public sealed record AuditSubject(string Type, string Id, string? Version = null);

/// <summary>Where the action sits (risk-method.md §5 <c>context</c>); every field is optional.</summary>
public sealed record AuditContext
{
    public string? RoundId { get; init; }

    public string? AssessmentId { get; init; }

    public string? SystemId { get; init; }

    public long? SystemRecordVersion { get; init; }

    public string? ContinuityPlanRef { get; init; }

    public DateOnly? ContinuityPlanDate { get; init; }

    public string? MethodId { get; init; }

    public string? MethodVersion { get; init; }

    public string? MethodSha256 { get; init; }

    public string? CatalogId { get; init; }

    public string? CatalogVersion { get; init; }

    public string? CatalogSha256 { get; init; }
}
