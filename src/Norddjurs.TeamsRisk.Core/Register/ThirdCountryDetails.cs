namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>The third-country group of risk-method.md §6 and §7.</summary>
public sealed record ThirdCountryDetails
{
    /// <summary>Not stated counts as unknown: the safe reading under §7 until the owner confirms.</summary>
    public ThirdCountryTransfer Transfer { get; init; } = ThirdCountryTransfer.Unknown;

    /// <summary>ISO 3166-1 alpha-2 codes, upper case.</summary>
    public IReadOnlyList<string> TransferCountries { get; init; } = [];

    public IReadOnlyList<TransferImporter> Importers { get; init; } = [];

    /// <summary>Support or remote access from a third country counts as a transfer (§7).</summary>
    public bool? RemoteAccessFromThirdCountry { get; init; }

    public TransferTool? TransferTool { get; init; }

    public DpfCheck? DpfCertified { get; init; }

    /// <summary>SCC 2021 module, 1–4.</summary>
    public int? SccModule { get; init; }

    /// <summary>The transfer impact assessment (<c>tiaRef</c> + <c>tiaDate</c>).</summary>
    public TransferImpactAssessment? Tia { get; init; }

    public IReadOnlyList<string> SupplementaryMeasures { get; init; } = [];

    public bool? UsParentCompany { get; init; }

    /// <summary>Derived by the §7 rules ("kræver afklaring før indkøb"); never imported.</summary>
    public bool ProcurementHold { get; init; }
}

public enum ThirdCountryTransfer
{
    No,
    Yes,
    Unknown,
}

public enum TransferTool
{
    Adequacy,
    Dpf,
    Scc2021,
    Bcr,
    Art49,
    None,
    Unknown,
}

/// <summary>A data importer outside the EU/EEA and its role (e.g. sub-processor, support).</summary>
public sealed record TransferImporter(string Entity, string Role);

/// <summary>The check of the EU-US Data Privacy Framework list (§7: entity, data types covered, date checked).</summary>
public sealed record DpfCheck(bool? Certified, string? Entity, string? DataTypesCovered, DateOnly? CheckedAt);

public sealed record TransferImpactAssessment(string? Reference, DateOnly? Date);
