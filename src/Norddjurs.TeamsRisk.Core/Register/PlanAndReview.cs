namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>The plan-and-review group of risk-method.md §6.</summary>
public sealed record PlanAndReview
{
    /// <summary>Link to the continuity plan ("Plan for fortsat drift"), usually in SharePoint.</summary>
    public Uri? ContinuityPlanRef { get; init; }

    public string? ContinuityPlanVersion { get; init; }

    public DateOnly? ContinuityPlanDate { get; init; }

    /// <summary>Who approved the plan, as written: a person, a title or a body such as direktionen.</summary>
    public string? ContinuityPlanApprovedBy { get; init; }

    public DateOnly? LastPlanTest { get; init; }

    public DateOnly? NextPlanReview { get; init; }

    public bool Nis2Relevant { get; init; } = true;
}
