using System.Text;
using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Core.Tests.Register;

public sealed class ContinuityPlanTemplateTests
{
    private static readonly byte[] Template = ContinuityPlanCsv.Template();

    [Fact]
    public void The_template_is_UTF8_with_BOM_and_semicolon_separated()
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], Template[..3]);
        var import = ImportFiles.Import(Template, "continuity-plan-template.csv");
        Assert.Equal(CsvEncoding.Utf8WithBom, import.Encoding);
        Assert.Equal(';', import.Separator);
    }

    [Fact]
    public void The_template_carries_exactly_the_importable_columns_in_order()
    {
        var header = Encoding.UTF8.GetString(Template[3..]).Split("\r\n")[0].Split(';');
        Assert.Equal(ContinuityPlanColumns.All.Select(c => c.Name), header);
    }

    [Fact]
    public void The_template_parses_into_three_systems_waiting_for_their_owners()
    {
        var import = ImportFiles.Import(Template, "continuity-plan-template.csv");

        Assert.True(import.IsSuccess, string.Join(Environment.NewLine, import.Problems));
        Assert.Equal(["OMS-01", "ØKO-02", "PLADS-03"], import.Systems.Select(s => s.SystemId));
        Assert.All(import.Systems, s =>
        {
            Assert.Equal(ConfirmationStatus.ToBeConfirmedByOwner, s.Confirmation);
            Assert.Equal("continuity-plan-template.csv", s.Metadata.Source.FileName);
            Assert.Equal(ImportFiles.At, s.Metadata.CreatedAt);
            Assert.Equal(ImportFiles.Coordinator, s.Metadata.CreatedBy);
            Assert.Equal(1, s.Metadata.RecordVersion);
            Assert.False(s.ThirdCountry.ProcurementHold);
            Assert.Null(s.Metadata.NextAssessmentDue);
        });
        Assert.Equal([2, 3, 4], import.Systems.Select(s => s.Metadata.Source.Line));
    }

    [Fact]
    public void The_home_care_example_reads_as_the_method_worked_example()
    {
        var system = ImportFiles.Import(Template).Systems[0];

        Assert.Equal(SystemStatus.Active, system.Status);
        Assert.Equal("anne.eksempel@norddjurs.dk", system.People.SystemOwner.Upn);
        Assert.Equal(Guid.Parse("3f2b8c1e-5d4a-4e7b-9c21-7a1d2e3f4b5c"), system.People.AreaManager?.ObjectId);
        Assert.Equal(HostingModel.SupplierHosted, system.Hosting.HostingModel);
        Assert.Equal([new SubProcessor("Eksempel Hosting A/S", "DK", "drift"), new SubProcessor("Eksempel Cloud Ireland Ltd", "IE", "backup")],
            system.Supplier.SubProcessors);
        Assert.Equal(new HostingLocation("DK", "Midtjylland", "Eksempel DC Aarhus"), system.Hosting.Locations[0]);
        Assert.Equal(new DataProcessingAgreement("Databehandleraftale 2024-117", new DateOnly(2024, 2, 1)), system.Supplier.Dpa);
        Assert.Equal(new Supervision(new DateOnly(2025, 9, 15), "ISAE 3402 type 2"), system.Supplier.LastSupervision);
        Assert.Contains(new DataClass(DataClassKind.Art9, Art9Category.Health), system.Data.DataClasses);
        Assert.Equal(DataClassLevel.Sensitive, system.Data.HighestDataClass());
        Assert.Equal(2000, system.Data.DataSubjectsApprox);
        Assert.Equal((4.0, 4.0, 1.0), (system.Continuity.MtdHours, system.Continuity.RtoHours, system.Continuity.RpoHours));
        Assert.Equal("Papirbaserede køre- og medicinlister; printes hver morgen kl. 6", system.Continuity.ManualFallback?.Description);
        Assert.Equal(ThirdCountryTransfer.No, system.ThirdCountry.Transfer);
        Assert.Equal(new DateOnly(2027, 2, 1), system.Plan.NextPlanReview);
        Assert.True(system.Plan.Nis2Relevant);
    }

    [Fact]
    public void The_finance_example_documents_a_DPF_transfer_with_an_SCC_fallback()
    {
        var third = ImportFiles.Import(Template).Systems[1].ThirdCountry;

        Assert.Equal(ThirdCountryTransfer.Yes, third.Transfer);
        Assert.Equal(["US"], third.TransferCountries);
        Assert.Equal(new TransferImporter("Eksempel Cloud Inc.", "underdatabehandler, support"), Assert.Single(third.Importers));
        Assert.Equal(TransferTool.Dpf, third.TransferTool);
        Assert.Equal(new DpfCheck(true, "Eksempel Cloud Inc.", "HR-data og ikke-HR-data", new DateOnly(2026, 1, 12)), third.DpfCertified);
        Assert.Equal(3, third.SccModule);
        Assert.Equal(new TransferImpactAssessment("TIA-ERP-2025", new DateOnly(2025, 12, 1)), third.Tia);
        Assert.True(third.UsParentCompany);
    }

    [Fact]
    public void The_planned_example_leaves_blank_facts_unstated_and_the_transfer_unknown()
    {
        var system = ImportFiles.Import(Template).Systems[2];

        Assert.Equal(SystemStatus.Planned, system.Status);
        Assert.Null(system.People.DeputyOwner);
        Assert.Null(system.Supplier.Cvr);
        Assert.Null(system.Supplier.Dpa);
        Assert.Null(system.ThirdCountry.RemoteAccessFromThirdCountry);
        Assert.Equal(ThirdCountryTransfer.Unknown, system.ThirdCountry.Transfer);
        Assert.Equal(TransferTool.Unknown, system.ThirdCountry.TransferTool);
        Assert.Equal([DataSubjectCategory.Children, DataSubjectCategory.Citizens], system.Data.DataSubjectCategories);
        Assert.Null(system.Plan.ContinuityPlanRef);
    }

    [Fact]
    public void Column_names_and_Danish_names_are_unique()
    {
        var names = ContinuityPlanColumns.All.SelectMany(c => c.DanishNames.Prepend(c.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
