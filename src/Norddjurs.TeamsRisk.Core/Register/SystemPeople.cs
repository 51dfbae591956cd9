namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>The people group of risk-method.md §6.</summary>
public sealed record SystemPeople
{
    public required PersonRef SystemOwner { get; init; }

    public PersonRef? DeputyOwner { get; init; }

    /// <summary>The IT contact.</summary>
    public PersonRef? TechnicalOwner { get; init; }

    /// <summary>Forvaltning, område or afdeling, as the plan names it.</summary>
    public required string Department { get; init; }

    /// <summary>Null means the owner's Entra manager (design.md §4).</summary>
    public PersonRef? AreaManager { get; init; }
}
