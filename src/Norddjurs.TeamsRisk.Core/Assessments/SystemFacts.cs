using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>
/// The facts of a system record that the method reads (risk-method.md §3.2 suggestions, §4 <c>suggestWhen</c>,
/// §7 third-country rules), frozen into the assessment so a result can be recomputed later.
/// </summary>
public sealed record SystemFacts
{
    public required string SystemId { get; init; }

    public required int RecordVersion { get; init; }

    /// <summary>Planned for purchase: the assessment comes before the contract (trigger <c>newProcurement</c>).</summary>
    public bool Planned { get; init; }

    public bool PersonalData { get; init; }

    /// <summary>Highest data class: none, ordinary, cpr, sensitive or endangering (risk-method.md §3.2).</summary>
    public string HighestDataClass { get; init; } = "none";

    public int? DataSubjectsApprox { get; init; }

    public bool LifeOrHealthCritical { get; init; }

    public bool SupportsDecisionsOrPayments { get; init; }

    public bool Payments { get; init; }

    public bool OnPremises { get; init; }

    /// <summary>Supplier-hosted or cloud.</summary>
    public bool External { get; init; }

    public bool Cloud { get; init; }

    public bool InternetFacing { get; init; }

    public bool SharedInfrastructure { get; init; }

    public ThirdCountryTransfer ThirdCountryTransfer { get; init; } = ThirdCountryTransfer.No;

    /// <summary>adequacy, dpf, scc2021, bcr, art49, none or unknown (risk-method.md §6).</summary>
    public string? TransferTool { get; init; }

    public bool SensitiveDataTransferred { get; init; }

    public bool IsProcessor { get; init; }

    public bool HasDataProcessingAgreement { get; init; }

    public double? MtdHours { get; init; }

    public double? RpoHours { get; init; }

    public bool HasPeakPeriods { get; init; }

    /// <summary>The committee has cleared a planned system's third-country question (lifts the procurement hold, §7).</summary>
    public bool ThirdCountryClearedByCommittee { get; init; }

    public bool SensitiveData => HighestDataClass is "sensitive" or "endangering";

    public bool Holds(SuggestCondition condition) => condition switch
    {
        SuggestCondition.OnPremises => OnPremises,
        SuggestCondition.External => External,
        SuggestCondition.Cloud => Cloud,
        SuggestCondition.PersonalData => PersonalData,
        SuggestCondition.SensitiveData => SensitiveData,
        SuggestCondition.InternetFacing => InternetFacing,
        SuggestCondition.Payments => Payments,
        SuggestCondition.SharedInfrastructure => SharedInfrastructure,
        SuggestCondition.ThirdCountry => ThirdCountryTransfer != ThirdCountryTransfer.No,
        _ => false,
    };
}
