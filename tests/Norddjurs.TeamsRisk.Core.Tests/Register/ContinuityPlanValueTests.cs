using Norddjurs.TeamsRisk.Core.Register;
using static Norddjurs.TeamsRisk.Core.Tests.Register.ImportFiles;

namespace Norddjurs.TeamsRisk.Core.Tests.Register;

public sealed class ContinuityPlanValueTests
{
    [Theory]
    [InlineData("03-03-2026")]
    [InlineData("3-3-2026")]
    [InlineData("03.03.2026")]
    [InlineData("3. marts 2026")]
    [InlineData("3 Marts 2026")]
    [InlineData("3. mar. 2026")]
    [InlineData("3.\u00A0marts\u00A02026")]
    [InlineData("2026-03-03")]
    public void Dates_are_read_in_Danish_and_ISO_forms(string text) =>
        Assert.Equal(new DateOnly(2026, 3, 3), Single(WithCell("continuityPlanDate", text)).Plan.ContinuityPlanDate);

    [Theory]
    [InlineData("4", 4.0)]
    [InlineData("1,5", 1.5)]
    [InlineData("1.5", 1.5)]
    [InlineData("0", 0.0)]
    [InlineData(" 24 ", 24.0)]
    public void Hours_take_a_decimal_comma_or_point(string text, double hours) =>
        Assert.Equal(hours, Single(WithCell("mtdHours", text)).Continuity.MtdHours);

    [Theory]
    [InlineData("2000", 2000)]
    [InlineData("2.000", 2000)]
    [InlineData("12 500", 12500)]
    [InlineData("12\u00A0500", 12500)]
    public void Counts_may_group_thousands_the_Danish_way(string text, int count) =>
        Assert.Equal(count, Single(WithCell("dataSubjectsApprox", text)).Data.DataSubjectsApprox);

    [Theory]
    [InlineData("ja", true)]
    [InlineData("Nej", false)]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("x", true)]
    [InlineData("", null)]
    public void Booleans_are_ja_nej_yes_no_true_false_or_x_and_blank_is_not_stated(string text, bool? value) =>
        Assert.Equal(value, Single(WithCell("internetFacing", text)).Hosting.InternetFacing);

    [Fact]
    public void NIS2_relevance_defaults_to_yes_when_blank()
    {
        Assert.True(Single(WithCell("nis2Relevant", "")).Plan.Nis2Relevant);
        Assert.False(Single(WithCell("nis2Relevant", "nej")).Plan.Nis2Relevant);
    }

    [Theory]
    [InlineData("planned", SystemStatus.Planned)]
    [InlineData("planlagt", SystemStatus.Planned)]
    [InlineData("Aktiv", SystemStatus.Active)]
    [InlineData("i drift", SystemStatus.Active)]
    [InlineData("udfaset", SystemStatus.Retired)]
    public void Status_takes_the_documented_value_or_a_Danish_label(string text, SystemStatus status) =>
        Assert.Equal(status, Single(Import(Lines(Required, $"SYS-1;Navn;{text};anne@norddjurs.dk;IT"))).Status);

    [Theory]
    [InlineData("onPremises", HostingModel.OnPremises)]
    [InlineData("on-premises", HostingModel.OnPremises)]
    [InlineData("eget serverrum", HostingModel.OnPremises)]
    [InlineData("kommunalt datacenter", HostingModel.MunicipalDataCentre)]
    [InlineData("hos leverandøren", HostingModel.SupplierHosted)]
    [InlineData("SaaS", HostingModel.SaasCloud)]
    public void Hosting_model_takes_the_documented_value_or_a_Danish_label(string text, HostingModel model) =>
        Assert.Equal(model, Single(WithCell("hostingModel", text)).Hosting.HostingModel);

    [Theory]
    [InlineData("adequacy", TransferTool.Adequacy)]
    [InlineData("DPF", TransferTool.Dpf)]
    [InlineData("scc2021", TransferTool.Scc2021)]
    [InlineData("SCC 2021", TransferTool.Scc2021)]
    [InlineData("standardkontraktbestemmelser", TransferTool.Scc2021)]
    [InlineData("art. 49", TransferTool.Art49)]
    [InlineData("ingen", TransferTool.None)]
    [InlineData("ved ikke", TransferTool.Unknown)]
    public void Transfer_tool_takes_the_documented_value_or_a_Danish_label(string text, TransferTool tool) =>
        Assert.Equal(tool, Single(WithCell("transferTool", text)).ThirdCountry.TransferTool);

    [Fact]
    public void Data_classes_are_a_pipe_list_with_the_art_9_category_in_parentheses()
    {
        var data = Single(WithCell("dataClasses", "almindelige | CPR | art. 9 (helbred) | art9 (tradeUnion) | art. 10 | børnesager")).Data;

        Assert.Equal(
            [new DataClass(DataClassKind.Ordinary), new DataClass(DataClassKind.Cpr), new DataClass(DataClassKind.Art9, Art9Category.Health),
             new DataClass(DataClassKind.Art9, Art9Category.TradeUnion), new DataClass(DataClassKind.Art10Criminal), new DataClass(DataClassKind.Children)],
            data.DataClasses);
    }

    [Fact]
    public void Owners_are_a_UPN_or_an_Entra_object_id()
    {
        var people = Single(Import(Lines(
            Required + ";deputyOwner",
            "SYS-1;Navn;aktiv;Anne.Jensen@Norddjurs.dk;IT;6B29FC40-CA47-1067-B31D-00DD010662DA"))).People;

        Assert.Equal(("anne.jensen@norddjurs.dk", null), (people.SystemOwner.Upn, people.SystemOwner.ObjectId));
        Assert.Equal(Guid.Parse("6b29fc40-ca47-1067-b31d-00dd010662da"), people.DeputyOwner?.ObjectId);
    }

    [Fact]
    public void Structured_lists_read_name_country_and_role_even_when_the_name_holds_a_slash()
    {
        var system = Single(Import(Lines(
            Required + ";subProcessors;locations;transferCountries;importers",
            GoodRow + ";Netcompany A/S (dk, support) | Eksempel Ltd (IE);DK | SE (Stockholm, DC 2);us | IN;Eksempel Inc. (support)")));

        Assert.Equal([new SubProcessor("Netcompany A/S", "DK", "support"), new SubProcessor("Eksempel Ltd", "IE", null)], system.Supplier.SubProcessors);
        Assert.Equal([new HostingLocation("DK", null, null), new HostingLocation("SE", "Stockholm", "DC 2")], system.Hosting.Locations);
        Assert.Equal(["US", "IN"], system.ThirdCountry.TransferCountries);
        Assert.Equal(new TransferImporter("Eksempel Inc.", "support"), Assert.Single(system.ThirdCountry.Importers));
    }

    [Fact]
    public void Free_text_lists_are_split_on_pipes_and_empty_items_dropped()
    {
        var system = Single(WithCell("peakPeriods", "Lønkørsel || Årsafslutning |"));

        Assert.Equal(["Lønkørsel", "Årsafslutning"], system.Continuity.PeakPeriods);
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("1234 5678")]
    [InlineData("DK12345678")]
    public void CVR_is_eight_digits(string text) =>
        Assert.Equal("12345678", Single(WithCell("supplierCvr", text)).Supplier.Cvr);

    [Theory]
    [InlineData("2", 2)]
    [InlineData("modul 3", 3)]
    [InlineData("Module 1", 1)]
    public void SCC_module_is_one_to_four(string text, int module) =>
        Assert.Equal(module, Single(WithCell("sccModule", text)).ThirdCountry.SccModule);
}
