namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>
/// A critical IT system in the register, with every field of risk-method.md §6 in the method's groups.
/// The facts the risk rules read (§4 <c>suggestWhen</c>, §7 flags) are derived from it elsewhere.
/// </summary>
public sealed record CriticalSystem
{
    /// <summary>Stable id from the continuity plan; unique in the register (compared case-insensitively).</summary>
    public required string SystemId { get; init; }

    public required string Name { get; init; }

    public string? ShortDescription { get; init; }

    /// <summary>The task or service the continuity plan protects.</summary>
    public string? CriticalProcess { get; init; }

    /// <summary>KL's subject classification (KLE), e.g. <c>27.36.08</c>.</summary>
    public IReadOnlyList<string> KleNumbers { get; init; } = [];

    public required SystemStatus Status { get; init; }

    /// <summary>The criticality as the plan states it, kept as written.</summary>
    public string? Criticality { get; init; }

    public required SystemPeople People { get; init; }

    public SupplierDetails Supplier { get; init; } = new();

    public HostingDetails Hosting { get; init; } = new();

    public DataProfile Data { get; init; } = new();

    public ContinuityDetails Continuity { get; init; } = new();

    public ThirdCountryDetails ThirdCountry { get; init; } = new();

    public PlanAndReview Plan { get; init; } = new();

    /// <summary>Imported records wait for the owner's confirmation (risk-method.md §2.1 step 3).</summary>
    public ConfirmationStatus Confirmation { get; init; } = ConfirmationStatus.ToBeConfirmedByOwner;

    public required RegisterMetadata Metadata { get; init; }
}

public enum SystemStatus
{
    Planned,
    Active,
    Retired,
}

public enum ConfirmationStatus
{
    ToBeConfirmedByOwner,
    Confirmed,
}
