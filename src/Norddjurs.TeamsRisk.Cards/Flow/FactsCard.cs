using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Cards.Flow;

/// <summary>Step 3a (FactsStepView): the system record to confirm or correct. <see cref="Facts"/> is the step's input.</summary>
public sealed record FactsCardModel(FlowFrame Frame, SystemFacts Facts, bool Confirmed);

/// <summary>
/// The facts card: every fact the method reads, as an input named <c>facts.&lt;property&gt;</c>. Next confirms them as
/// shown; changing one corrects the record for this assessment (and changes the suggestions that follow).
/// </summary>
public static class FactsCard
{
    public static readonly IReadOnlyList<string> DataClasses = ["none", "ordinary", "cpr", "sensitive", "endangering"];

    public static readonly IReadOnlyList<string> TransferTools = ["adequacy", "dpf", "scc2021", "bcr", "art49", "none", "unknown"];

    public static JsonObject Build(FactsCardModel model, Language language)
    {
        var f = model.Facts;
        string T(string key) => CardTexts.Get(key, language);
        JsonObject Toggle(string property, bool value) => Elements.Toggle(CardInputIds.Fact(property), T("facts." + property), value);

        JsonNode[] content =
        [
            Elements.Text(T(model.Confirmed ? "facts.intro_confirmed" : "facts.intro")),
            Elements.Subheading(T("facts.section_data")),
            Toggle("personalData", f.PersonalData),
            Elements.Choices(CardInputIds.Fact("highestDataClass"), T("facts.highestDataClass"),
                DataClasses.Select(c => (T("facts.data_class." + c), c)), f.HighestDataClass, expanded: false),
            Elements.NumberInput(CardInputIds.Fact("dataSubjectsApprox"), T("facts.dataSubjectsApprox"), f.DataSubjectsApprox, min: 0),
            Toggle("lifeOrHealthCritical", f.LifeOrHealthCritical),
            Toggle("supportsDecisionsOrPayments", f.SupportsDecisionsOrPayments),
            Toggle("payments", f.Payments),
            Elements.Subheading(T("facts.section_operation")),
            Toggle("onPremises", f.OnPremises),
            Toggle("external", f.External),
            Toggle("cloud", f.Cloud),
            Toggle("internetFacing", f.InternetFacing),
            Toggle("sharedInfrastructure", f.SharedInfrastructure),
            Elements.NumberInput(CardInputIds.Fact("mtdHours"), T("facts.mtdHours"), f.MtdHours, min: 0),
            Elements.NumberInput(CardInputIds.Fact("rpoHours"), T("facts.rpoHours"), f.RpoHours, min: 0),
            Toggle("hasPeakPeriods", f.HasPeakPeriods),
            Elements.Subheading(T("facts.section_suppliers")),
            Toggle("isProcessor", f.IsProcessor),
            Toggle("hasDataProcessingAgreement", f.HasDataProcessingAgreement),
            Elements.Choices(CardInputIds.Fact("thirdCountryTransfer"), T("facts.thirdCountryTransfer"),
                Enum.GetValues<ThirdCountryTransfer>().Select(v => (T("facts.transfer." + Wire(v)), Wire(v))), Wire(f.ThirdCountryTransfer)),
            Elements.Choices(CardInputIds.Fact("transferTool"), T("facts.transferTool"),
                TransferTools.Select(t => (T("facts.tool." + t), t)), f.TransferTool, expanded: false, placeholder: T("facts.transferTool_none")),
            Toggle("sensitiveDataTransferred", f.SensitiveDataTransferred),
        ];
        return FlowChrome.Card(model.Frame, language, "facts.title", content);
    }

    /// <summary>The wire value of a transfer answer: "no", "yes" or "unknown".</summary>
    public static string Wire(ThirdCountryTransfer transfer) => transfer.ToString().ToLowerInvariant();
}
