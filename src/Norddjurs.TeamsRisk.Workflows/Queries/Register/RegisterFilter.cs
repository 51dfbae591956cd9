using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Register;

public enum RegisterSort
{
    System,
    Department,
    Owner,
    Band,
    Status,
    NextDue,
}

/// <summary>
/// What the reader asks of the register. Every filter is optional and all must match; <see cref="Search"/> looks in
/// the system's id, name, department and owner. Band is a band id of the method (<c>low</c> … <c>critical</c>).
/// </summary>
public sealed record RegisterFilter(
    string? Department = null,
    string? Band = null,
    AssessmentState? Status = null,
    string? RoundId = null,
    string? Owner = null,
    string? Search = null,
    RegisterSort Sort = RegisterSort.System,
    bool Descending = false,
    int Page = 1,
    int PageSize = RegisterFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>The same filter without paging: the heatmap counts what the register lists.</summary>
    public RegisterFilter Unpaged => this with { Page = 1, PageSize = int.MaxValue };
}
