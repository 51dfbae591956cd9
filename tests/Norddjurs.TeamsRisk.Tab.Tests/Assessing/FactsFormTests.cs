using Bunit;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Tab.Assessing;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Tab.Tests.Assessing;

public sealed class FactsFormTests : TabTest
{
    [Theory]
    [InlineData(Language.Danish, "Har spidsbelastningsperioder", "Bekræft og fortsæt")]
    [InlineData(Language.English, "Has peak periods", "Confirm and continue")]
    public void Every_fact_the_method_reads_is_an_input_with_its_label_holding_the_registers_value(Language language, string peakLabel, string confirm)
    {
        var view = (FactsStepView)Flow.View(Started(), Today, language);

        var cut = Context.Render<FactsForm>(p => p.Add(f => f.View, view).AddCascadingValue(Session(language)));

        foreach (var id in new[] { "personalData", "highestDataClass", "dataSubjectsApprox", "lifeOrHealthCritical", "supportsDecisionsOrPayments", "payments", "onPremises",
                     "external", "cloud", "internetFacing", "sharedInfrastructure", "mtdHours", "rpoHours", "hasPeakPeriods", "isProcessor", "hasDataProcessingAgreement",
                     "transferTool", "sensitiveDataTransferred" })
        {
            Assert.NotEmpty(cut.Find($"label[for=facts-{id}]").TextContent.Trim());
        }

        Assert.StartsWith(peakLabel, cut.Find("label[for=facts-hasPeakPeriods]").TextContent, StringComparison.Ordinal);
        Assert.Equal(view.Facts.PersonalData, cut.Find("#facts-personalData").HasAttribute("checked"));
        Assert.Equal(view.Facts.HighestDataClass, cut.Find("#facts-highestDataClass option[selected]").GetAttribute("value"));
        Assert.True(cut.Find($"#facts-transfer-{view.Facts.ThirdCountryTransfer.ToString().ToLowerInvariant()}").HasAttribute("checked"));
        Assert.Contains(confirm, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrected_facts_are_sent_as_the_bots_card_reader_reads_the_same_corrections()
    {
        var view = (FactsStepView)Flow.View(Started(), Today, Language.Danish);
        StepInput? sent = null;
        var cut = Context.Render<FactsForm>(p => p.Add(f => f.View, view).Add(f => f.OnNext, (StepInput input) => sent = input).AddCascadingValue(Session(Language.Danish)));

        cut.Find("#facts-hasPeakPeriods").Change(!view.Facts.HasPeakPeriods);
        cut.Find("#facts-cloud").Change(!view.Facts.Cloud);
        cut.Find("#facts-highestDataClass").Change("sensitive");
        cut.Find("#facts-dataSubjectsApprox").Change("1200");
        cut.Find("#facts-mtdHours").Change("36.5");
        cut.Find("#facts-rpoHours").Change(string.Empty);
        cut.Find("#facts-transfer-yes").Change(true);
        cut.Find("#facts-transferTool").Change("scc2021");
        await cut.InvokeAsync(() => cut.FindComponent<Microsoft.FluentUI.AspNetCore.Components.FluentButton>().Instance.OnClick.InvokeAsync());

        var bot = await BotCardReading.ReadAsync(new InMemoryDirectory("tenant"), FlowStep.Facts, view.Facts,
            ("facts.hasPeakPeriods", (!view.Facts.HasPeakPeriods).ToString().ToLowerInvariant()), ("facts.cloud", (!view.Facts.Cloud).ToString().ToLowerInvariant()),
            ("facts.highestDataClass", "sensitive"), ("facts.dataSubjectsApprox", "1200"), ("facts.mtdHours", "36.5"), ("facts.rpoHours", string.Empty),
            ("facts.thirdCountryTransfer", "yes"), ("facts.transferTool", "scc2021"));
        BotCardReading.AssertSame(bot, sent);
        var facts = ((FactsStepInput)sent!).Facts;
        Assert.Equal((ThirdCountryTransfer.Yes, 36.5, (double?)null), (facts.ThirdCountryTransfer, facts.MtdHours!.Value, facts.RpoHours));
        Assert.True(Flow.Next(Started(), sent!, Today).Accepted);
    }

    [Theory]
    [InlineData(Language.Danish, "12,5", "«12,5» er ikke et helt tal.")]
    [InlineData(Language.English, "12,5", "“12,5” is not a whole number.")]
    public async Task A_number_that_cannot_be_read_is_named_by_its_field_and_nothing_is_sent(Language language, string typed, string message)
    {
        var view = (FactsStepView)Flow.View(Started(), Today, language);
        StepInput? sent = null;
        var cut = Context.Render<FactsForm>(p => p.Add(f => f.View, view).Add(f => f.OnNext, (StepInput input) => sent = input).AddCascadingValue(Session(language)));

        cut.Find("#facts-dataSubjectsApprox").Change(typed);
        await cut.InvokeAsync(() => cut.FindComponent<Microsoft.FluentUI.AspNetCore.Components.FluentButton>().Instance.OnClick.InvokeAsync());

        var error = cut.Find("#facts-dataSubjectsApprox-unreadable");
        Assert.StartsWith(message, error.TextContent, StringComparison.Ordinal);
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.Equal("true", cut.Find("#facts-dataSubjectsApprox").GetAttribute("aria-invalid"));
        Assert.Contains("facts-dataSubjectsApprox-unreadable", cut.Find("#facts-dataSubjectsApprox").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Null(sent);
    }
}
