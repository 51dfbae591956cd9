namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>The hosting group of risk-method.md §6.</summary>
public sealed record HostingDetails
{
    public HostingModel? HostingModel { get; init; }

    public IReadOnlyList<HostingLocation> Locations { get; init; } = [];

    public bool? InternetFacing { get; init; }

    /// <summary>Shared public infrastructure the system relies on (MitID/NemLog-in, Digital Post, Serviceplatformen, CPR, …), as written.</summary>
    public IReadOnlyList<string> SharedInfrastructure { get; init; } = [];
}

public enum HostingModel
{
    OnPremises,
    MunicipalDataCentre,
    SupplierHosted,
    SaasCloud,
}

/// <param name="Country">ISO 3166-1 alpha-2 code, upper case.</param>
public sealed record HostingLocation(string Country, string? Region, string? DataCentre);
