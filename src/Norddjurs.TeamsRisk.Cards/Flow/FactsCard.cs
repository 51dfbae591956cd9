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
        string Label(string property) => T("facts." + CardInputIds.Camel(property));
        JsonObject Toggle(string property, bool value) => Elements.Toggle(Id(property), Label(property), value);

        JsonNode[] content =
        [
            Elements.Text(T(model.Confirmed ? "facts.intro_confirmed" : "facts.intro")),
            Elements.Subheading(T("facts.section_data")),
            Toggle(nameof(SystemFacts.PersonalData), f.PersonalData),
            Elements.Choices(Id(nameof(SystemFacts.HighestDataClass)), Label(nameof(SystemFacts.HighestDataClass)),
                DataClasses.Select(c => (T("facts.data_class." + c), c)), f.HighestDataClass, expanded: false),
            Elements.NumberInput(Id(nameof(SystemFacts.DataSubjectsApprox)), Label(nameof(SystemFacts.DataSubjectsApprox)), f.DataSubjectsApprox, min: 0),
            Toggle(nameof(SystemFacts.LifeOrHealthCritical), f.LifeOrHealthCritical),
            Toggle(nameof(SystemFacts.SupportsDecisionsOrPayments), f.SupportsDecisionsOrPayments),
            Toggle(nameof(SystemFacts.Payments), f.Payments),
            Elements.Subheading(T("facts.section_operation")),
            Toggle(nameof(SystemFacts.OnPremises), f.OnPremises),
            Toggle(nameof(SystemFacts.External), f.External),
            Toggle(nameof(SystemFacts.Cloud), f.Cloud),
            Toggle(nameof(SystemFacts.InternetFacing), f.InternetFacing),
            Toggle(nameof(SystemFacts.SharedInfrastructure), f.SharedInfrastructure),
            Elements.NumberInput(Id(nameof(SystemFacts.MtdHours)), Label(nameof(SystemFacts.MtdHours)), f.MtdHours, min: 0),
            Elements.NumberInput(Id(nameof(SystemFacts.RpoHours)), Label(nameof(SystemFacts.RpoHours)), f.RpoHours, min: 0),
            Toggle(nameof(SystemFacts.HasPeakPeriods), f.HasPeakPeriods),
            Elements.Subheading(T("facts.section_suppliers")),
            Toggle(nameof(SystemFacts.IsProcessor), f.IsProcessor),
            Toggle(nameof(SystemFacts.HasDataProcessingAgreement), f.HasDataProcessingAgreement),
            Elements.Choices(Id(nameof(SystemFacts.ThirdCountryTransfer)), Label(nameof(SystemFacts.ThirdCountryTransfer)),
                Enum.GetValues<ThirdCountryTransfer>().Select(v => (T("facts.transfer." + Wire(v)), Wire(v))), Wire(f.ThirdCountryTransfer)),
            Elements.Choices(Id(nameof(SystemFacts.TransferTool)), Label(nameof(SystemFacts.TransferTool)),
                TransferTools.Select(t => (T("facts.tool." + t), t)), f.TransferTool, expanded: false, placeholder: T("facts.transferTool_none")),
            Toggle(nameof(SystemFacts.SensitiveDataTransferred), f.SensitiveDataTransferred),
        ];
        return FlowChrome.Card(model.Frame, language, "facts.title", content);
    }

    /// <summary>"facts.personalData" for <c>SystemFacts.PersonalData</c>: the bot reads each input back into that property.</summary>
    public static string Id(string systemFactsProperty) => CardInputIds.Fact(CardInputIds.Camel(systemFactsProperty));

    /// <summary>The wire value of a transfer answer: "no", "yes" or "unknown".</summary>
    public static string Wire(ThirdCountryTransfer transfer) => transfer.ToString().ToLowerInvariant();
}
