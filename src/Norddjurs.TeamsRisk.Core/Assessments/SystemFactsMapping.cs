using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>Reads the facts the method uses (risk-method.md §3.2, §4 <c>suggestWhen</c>, §7) off a register record.</summary>
public static class SystemFactsMapping
{
    /// <param name="thirdCountryClearedByCommittee">Whether a committee approval entry has cleared the transfer question (§7); the store knows, the record does not.</param>
    public static SystemFacts From(CriticalSystem system, bool thirdCountryClearedByCommittee = false)
    {
        var hosting = system.Hosting.HostingModel;
        var highest = system.Data.HighestDataClass();
        var personalData = system.Data.PersonalData == true || highest != DataClassLevel.None;

        // Support or remote access from a third country is a transfer too (Datatilsynet's cloud guidance, §7).
        var transfer = system.ThirdCountry.RemoteAccessFromThirdCountry == true ? ThirdCountryTransfer.Yes : system.ThirdCountry.Transfer;
        return new SystemFacts
        {
            SystemId = system.SystemId,
            RecordVersion = system.Metadata.RecordVersion,
            Planned = system.Status == SystemStatus.Planned,
            PersonalData = personalData,
            HighestDataClass = highest.MethodId(),
            DataSubjectsApprox = system.Data.DataSubjectsApprox,
            LifeOrHealthCritical = system.Data.LifeOrHealthCritical == true,
            SupportsDecisionsOrPayments = system.Data.SupportsDecisionsOrPayments == true,
            Payments = system.Data.Payments == true,
            OnPremises = hosting is HostingModel.OnPremises or HostingModel.MunicipalDataCentre,
            External = hosting is HostingModel.SupplierHosted or HostingModel.SaasCloud,
            Cloud = hosting is HostingModel.SaasCloud,
            InternetFacing = system.Hosting.InternetFacing == true,
            SharedInfrastructure = system.Hosting.SharedInfrastructure.Count > 0,
            ThirdCountryTransfer = transfer,
            TransferTool = system.ThirdCountry.TransferTool?.ToString().ToLowerInvariant(),
            SensitiveDataTransferred = transfer != ThirdCountryTransfer.No && highest >= DataClassLevel.Sensitive,
            IsProcessor = system.Supplier.IsProcessor == true,
            HasDataProcessingAgreement = !string.IsNullOrWhiteSpace(system.Supplier.Dpa?.Reference),
            MtdHours = system.Continuity.MtdHours,
            RpoHours = system.Continuity.RpoHours,
            HasPeakPeriods = system.Continuity.PeakPeriods.Count > 0,
            ThirdCountryClearedByCommittee = thirdCountryClearedByCommittee,
        };
    }
}
