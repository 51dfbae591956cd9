namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>The supplier group of risk-method.md §6; <c>supplier</c> (name, CVR) is flattened into <see cref="Name"/> and <see cref="Cvr"/>.</summary>
public sealed record SupplierDetails
{
    public string? Name { get; init; }

    /// <summary>Danish CVR number, 8 digits; null for a foreign supplier.</summary>
    public string? Cvr { get; init; }

    /// <summary>Is the supplier a data processor (databehandler)? Null when the plan does not say.</summary>
    public bool? IsProcessor { get; init; }

    /// <summary>The data processing agreement (<c>dpaRef</c> + <c>dpaDate</c>).</summary>
    public DataProcessingAgreement? Dpa { get; init; }

    public IReadOnlyList<SubProcessor> SubProcessors { get; init; } = [];

    public Supervision? LastSupervision { get; init; }
}

public sealed record DataProcessingAgreement(string? Reference, DateOnly? Date);

/// <param name="Country">ISO 3166-1 alpha-2 code, upper case.</param>
public sealed record SubProcessor(string Name, string Country, string? Role);

/// <param name="Type">E.g. "ISAE 3402 type 2" or "ISAE 3000"; kept as written.</param>
public sealed record Supervision(DateOnly? Date, string? Type);
