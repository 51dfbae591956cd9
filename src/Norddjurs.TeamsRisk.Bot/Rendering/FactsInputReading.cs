using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>
/// The facts card read back over the record's current facts: the card shows only what the method reads, so the
/// record's id, version and committee clearances come from <c>current</c>, and an input not sent keeps its value.
/// An emptied number clears it.
/// </summary>
internal static class FactsInputReading
{
    private static readonly string[] Transfers = [.. Enum.GetValues<ThirdCountryTransfer>().Select(FactsCard.Wire)];

    public static FactsStepInput Read(CardFields fields, SystemFacts current)
    {
        bool Toggle(string property, bool value) => fields.Toggle(FactsCard.Id(property), absent: value);
        int? Whole(string property, int? value) => fields.Sent(FactsCard.Id(property)) ? fields.Whole(FactsCard.Id(property)) : value;
        double? Number(string property, double? value) => fields.Sent(FactsCard.Id(property)) ? fields.Number(FactsCard.Id(property)) : value;

        var dataClass = fields.OneOf(FactsCard.Id(nameof(SystemFacts.HighestDataClass)), [.. FactsCard.DataClasses]);
        var transfer = fields.OneOf(FactsCard.Id(nameof(SystemFacts.ThirdCountryTransfer)), Transfers);
        var toolId = FactsCard.Id(nameof(SystemFacts.TransferTool));
        var tool = fields.Sent(toolId) ? fields.OneOf(toolId, [.. FactsCard.TransferTools]) : current.TransferTool;
        var facts = current with
        {
            PersonalData = Toggle(nameof(SystemFacts.PersonalData), current.PersonalData),
            HighestDataClass = dataClass ?? current.HighestDataClass,
            DataSubjectsApprox = Whole(nameof(SystemFacts.DataSubjectsApprox), current.DataSubjectsApprox),
            LifeOrHealthCritical = Toggle(nameof(SystemFacts.LifeOrHealthCritical), current.LifeOrHealthCritical),
            SupportsDecisionsOrPayments = Toggle(nameof(SystemFacts.SupportsDecisionsOrPayments), current.SupportsDecisionsOrPayments),
            Payments = Toggle(nameof(SystemFacts.Payments), current.Payments),
            OnPremises = Toggle(nameof(SystemFacts.OnPremises), current.OnPremises),
            External = Toggle(nameof(SystemFacts.External), current.External),
            Cloud = Toggle(nameof(SystemFacts.Cloud), current.Cloud),
            InternetFacing = Toggle(nameof(SystemFacts.InternetFacing), current.InternetFacing),
            SharedInfrastructure = Toggle(nameof(SystemFacts.SharedInfrastructure), current.SharedInfrastructure),
            MtdHours = Number(nameof(SystemFacts.MtdHours), current.MtdHours),
            RpoHours = Number(nameof(SystemFacts.RpoHours), current.RpoHours),
            HasPeakPeriods = Toggle(nameof(SystemFacts.HasPeakPeriods), current.HasPeakPeriods),
            IsProcessor = Toggle(nameof(SystemFacts.IsProcessor), current.IsProcessor),
            HasDataProcessingAgreement = Toggle(nameof(SystemFacts.HasDataProcessingAgreement), current.HasDataProcessingAgreement),
            ThirdCountryTransfer = transfer is null ? current.ThirdCountryTransfer : Enum.GetValues<ThirdCountryTransfer>().Single(t => FactsCard.Wire(t) == transfer),
            TransferTool = tool,
            SensitiveDataTransferred = Toggle(nameof(SystemFacts.SensitiveDataTransferred), current.SensitiveDataTransferred),
        };
        return new FactsStepInput(facts);
    }
}
