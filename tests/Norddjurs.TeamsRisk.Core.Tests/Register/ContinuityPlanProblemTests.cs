using Norddjurs.TeamsRisk.Core.Register;
using static Norddjurs.TeamsRisk.Core.Tests.Register.ImportFiles;

namespace Norddjurs.TeamsRisk.Core.Tests.Register;

public sealed class ContinuityPlanProblemTests
{
    [Theory]
    [InlineData(";Navn;aktiv;anne@norddjurs.dk;IT", "systemId")]
    [InlineData("SYS-1;;aktiv;anne@norddjurs.dk;IT", "name")]
    [InlineData("SYS-1;Navn;;anne@norddjurs.dk;IT", "status")]
    [InlineData("SYS-1;Navn;aktiv; ;IT", "systemOwner")]
    [InlineData("SYS-1;Navn;aktiv;anne@norddjurs.dk;", "department")]
    public void A_missing_required_value_is_reported_with_line_and_column(string row, string column)
    {
        var problem = OneProblem(Import(Lines(Required, row)));

        Assert.Equal((2, column, ImportErrorCodes.ValueRequired), (problem.Line, problem.Column, problem.Error.Code));
    }

    [Theory]
    [InlineData("continuityPlanDate", "31-02-2026", ImportErrorCodes.DateInvalid)]
    [InlineData("dpaDate", "2026/03/03", ImportErrorCodes.DateInvalid)]
    [InlineData("lastPlanTest", "3. marz 2026", ImportErrorCodes.DateInvalid)]
    [InlineData("tiaDate", "03-03-26", ImportErrorCodes.DateInvalid)]
    [InlineData("mtdHours", "fire", ImportErrorCodes.NumberInvalid)]
    [InlineData("rpoHours", "-1", ImportErrorCodes.NumberInvalid)]
    [InlineData("rtoHours", "1.000,5", ImportErrorCodes.NumberInvalid)]
    [InlineData("dataSubjectsApprox", "ca. 2000", ImportErrorCodes.CountInvalid)]
    [InlineData("personalData", "måske", ImportErrorCodes.BooleanInvalid)]
    [InlineData("hostingModel", "i skyen hos naboen", ImportErrorCodes.EnumInvalid)]
    [InlineData("thirdCountryTransfer", "nogle gange", ImportErrorCodes.EnumInvalid)]
    [InlineData("dataSubjectCategories", "borgere | katte", ImportErrorCodes.EnumInvalid)]
    [InlineData("deputyOwner", "Anne Jensen", ImportErrorCodes.PersonInvalid)]
    [InlineData("areaManager", "00000000-0000-0000-0000-000000000000", ImportErrorCodes.PersonInvalid)]
    [InlineData("supplierCvr", "1234567", ImportErrorCodes.CvrInvalid)]
    [InlineData("transferCountries", "USA", ImportErrorCodes.CountryInvalid)]
    [InlineData("kleNumbers", "27.3", ImportErrorCodes.KleInvalid)]
    [InlineData("continuityPlanRef", "Planer/OMS.docx", ImportErrorCodes.LinkInvalid)]
    [InlineData("sccModule", "5", ImportErrorCodes.SccModuleInvalid)]
    [InlineData("dataClasses", "art. 9", ImportErrorCodes.DataClassInvalid)]
    [InlineData("dataClasses", "cpr (helbred)", ImportErrorCodes.DataClassInvalid)]
    [InlineData("subProcessors", "Netcompany A/S", ImportErrorCodes.SubProcessorInvalid)]
    [InlineData("locations", "Danmark", ImportErrorCodes.LocationInvalid)]
    [InlineData("importers", "Eksempel Inc.", ImportErrorCodes.ImporterInvalid)]
    public void A_bad_value_is_reported_with_line_column_raw_value_and_code(string column, string value, string code)
    {
        var problem = OneProblem(WithCell(column, value));

        Assert.Equal((2, column, value, code), (problem.Line, problem.Column, problem.RawValue, problem.Error.Code));
    }

    [Fact]
    public void A_bad_owner_is_reported()
    {
        var problem = OneProblem(Import(Lines(Required, "SYS-1;Navn;aktiv;Anne Jensen;IT")));

        Assert.Equal((2, "systemOwner", "Anne Jensen", ImportErrorCodes.PersonInvalid), (problem.Line, problem.Column, problem.RawValue, problem.Error.Code));
    }

    [Fact]
    public void A_bad_status_names_the_allowed_values()
    {
        var problem = OneProblem(Import(Lines(Required, "SYS-1;Navn;kører;anne@norddjurs.dk;IT")));

        Assert.Equal(("status", ImportErrorCodes.EnumInvalid), (problem.Column, problem.Error.Code));
        Assert.Equal("planned/planlagt, active/aktiv, retired/udfaset", problem.Error.Args["allowed"]);
    }

    [Fact]
    public void A_system_id_with_spaces_or_slashes_is_refused()
    {
        var problem = OneProblem(Import(Lines(Required, "SYS 1/2;Navn;aktiv;anne@norddjurs.dk;IT")));

        Assert.Equal(("systemId", ImportErrorCodes.SystemIdInvalid), (problem.Column, problem.Error.Code));
    }

    [Fact]
    public void A_duplicate_system_id_is_reported_on_the_later_line_naming_the_first()
    {
        var problem = OneProblem(Import(Lines(Required, GoodRow, "SYS-2;Løn;aktiv;carl@norddjurs.dk;Økonomi", "sys-1;Kopi;aktiv;bo@norddjurs.dk;IT")));

        Assert.Equal((4, "systemId", ImportErrorCodes.SystemIdDuplicate), (problem.Line, problem.Column, problem.Error.Code));
        Assert.Equal("2", problem.Error.Args["firstLine"]);
    }

    [Fact]
    public void An_unknown_column_is_an_error_naming_the_column()
    {
        var problem = OneProblem(Import(Lines(Required + ";Bemærkning", GoodRow + ";noget")));

        Assert.Equal((1, "Bemærkning", ImportErrorCodes.ColumnUnknown), (problem.Line, problem.Column, problem.Error.Code));
    }

    [Fact]
    public void A_derived_column_is_refused_as_set_by_the_product()
    {
        var problem = OneProblem(Import(Lines(Required + ";procurementHold", GoodRow + ";nej")));

        Assert.Equal((1, "procurementHold", ImportErrorCodes.ColumnDerived), (problem.Line, problem.Column, problem.Error.Code));
    }

    [Fact]
    public void A_column_given_twice_in_Danish_and_English_is_an_error()
    {
        var problem = OneProblem(Import(Lines(Required + ";Navn", GoodRow + ";Omsorg")));

        Assert.Equal((1, "name", ImportErrorCodes.ColumnDuplicate), (problem.Line, problem.Column, problem.Error.Code));
    }

    [Fact]
    public void A_missing_required_column_is_reported_once_on_the_header()
    {
        var import = Import(Lines("systemId;name;status;systemOwner", "SYS-1;Navn;aktiv;anne@norddjurs.dk", "SYS-2;Løn;aktiv;carl@norddjurs.dk"));

        var problem = OneProblem(import);
        Assert.Equal((1, "department", ImportErrorCodes.ColumnMissing), (problem.Line, problem.Column, problem.Error.Code));
    }

    [Theory]
    [InlineData("SYS-1;Navn;aktiv;anne@norddjurs.dk", 4)]
    [InlineData("SYS-1;Navn;aktiv;anne@norddjurs.dk;IT;ekstra", 6)]
    public void A_row_with_the_wrong_number_of_cells_is_reported(string row, int actual)
    {
        var problem = OneProblem(Import(Lines(Required, row)));

        Assert.Equal((2, null, ImportErrorCodes.CellCount), (problem.Line, problem.Column, problem.Error.Code));
        Assert.Equal(("5", actual.ToString(System.Globalization.CultureInfo.InvariantCulture)), (problem.Error.Args["expected"], problem.Error.Args["actual"]));
    }

    [Fact]
    public void An_unclosed_quote_is_reported_on_the_line_where_it_opens()
    {
        var import = Import(Lines(Required, GoodRow, "SYS-2;\"Løn;aktiv;carl@norddjurs.dk;Økonomi"));

        Assert.Empty(import.Systems);
        Assert.Contains(import.Problems, p => p.Line == 3 && p.Error.Code == ImportErrorCodes.QuoteUnclosed);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_reported()
    {
        var problem = OneProblem(Import(Lines(Required, "SYS-1;\"Navn\" og mere;aktiv;anne@norddjurs.dk;IT")));

        Assert.Equal((2, ImportErrorCodes.QuoteInvalid), (problem.Line, problem.Error.Code));
    }

    [Fact]
    public void One_bad_row_among_good_ones_imports_nothing_and_every_problem_is_listed()
    {
        var import = Import(Lines(
            Required + ";mtdHours;continuityPlanDate",
            GoodRow + ";4;03-03-2026",
            "SYS-2;Løn;aktiv;Carl;Økonomi;fire;03-03-2026",
            "SYS-3;Byggesager;aktiv;eva@norddjurs.dk;Teknik;8;1. marts 2026",
            "SYS-4;;aktiv;dorte@norddjurs.dk;Kultur;2;32-01-2026"));

        Assert.False(import.IsSuccess);
        Assert.Empty(import.Systems);
        Assert.Equal(
            [(3, "systemOwner"), (3, "mtdHours"), (5, "name"), (5, "continuityPlanDate")],
            import.Problems.Select(p => (p.Line, p.Column)));
    }

    [Fact]
    public void An_empty_file_is_reported()
    {
        Assert.Equal(ImportErrorCodes.EmptyFile, OneProblem(Import("")).Error.Code);
        Assert.Equal(ImportErrorCodes.EmptyFile, OneProblem(Import([0xEF, 0xBB, 0xBF, .. "\r\n\r\n"u8])).Error.Code);
    }

    [Fact]
    public void A_header_without_rows_imports_nothing_and_says_so()
    {
        var problem = OneProblem(Import(Lines(Required)));

        Assert.Equal((1, ImportErrorCodes.NoRows), (problem.Line, problem.Error.Code));
    }

    [Fact]
    public void Problems_read_as_sentences_in_Danish_and_English()
    {
        var problem = OneProblem(Import(Lines(Required + ";MTD (timer)", GoodRow + ";fire")));

        Assert.Equal("Linje 2, kolonne „MTD (timer)“: „fire“ er ikke et gyldigt antal timer. Skriv et tal på 0 eller derover, fx 4 eller 1,5.",
            problem.Error.Message(Language.Danish));
        Assert.Equal("Line 2, column 'MTD (timer)': 'fire' is not a valid number of hours. Write a number of 0 or more, e.g. 4 or 1,5.",
            problem.Error.Message(Language.English));
    }

    [Fact]
    public void Every_import_error_code_has_a_Danish_and_an_English_text()
    {
        var codes = typeof(ImportErrorCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code =>
        {
            Assert.NotNull(Errors.Texts.Find(code, Language.Danish));
            Assert.NotNull(Errors.Texts.Find(code, Language.English));
        });
    }
}
