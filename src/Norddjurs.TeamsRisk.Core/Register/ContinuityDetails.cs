namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>The continuity group of risk-method.md §6. Hours are non-negative.</summary>
public sealed record ContinuityDetails
{
    /// <summary>Maximum tolerable downtime.</summary>
    public double? MtdHours { get; init; }

    public double? RtoHours { get; init; }

    public double? RpoHours { get; init; }

    public IReadOnlyList<string> PeakPeriods { get; init; } = [];

    public ManualFallback? ManualFallback { get; init; }

    /// <summary>Upstream systems, as written (system ids or names).</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>Downstream systems, as written (system ids or names).</summary>
    public IReadOnlyList<string> Dependents { get; init; } = [];
}

/// <param name="MaxHours">How long the manual procedure can carry the work.</param>
public sealed record ManualFallback(string? Description, double? MaxHours);
