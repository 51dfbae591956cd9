using Norddjurs.TeamsRisk.Core.Register;
using static Norddjurs.TeamsRisk.Core.Tests.Register.ImportFiles;

namespace Norddjurs.TeamsRisk.Core.Tests.Register;

public sealed class ContinuityPlanLayoutTests
{
    [Fact]
    public void Comma_separated_files_are_read_like_semicolon_separated_ones()
    {
        var semicolon = Import(Lines(Required + ";mtdHours", GoodRow + ";1,5"));
        var comma = Import(Lines(Required.Replace(';', ',') + ",mtdHours", GoodRow.Replace(';', ',') + ",\"1,5\""));

        Assert.Equal(',', comma.Separator);
        Assert.Equal(';', semicolon.Separator);
        Assert.Equal(1.5, Single(comma).Continuity.MtdHours);
        Assert.Equal(1.5, Single(semicolon).Continuity.MtdHours);
    }

    [Fact]
    public void Excel_sep_line_chooses_the_separator_and_counts_as_a_line()
    {
        var import = Import(Lines("sep=,", Required.Replace(';', ','), GoodRow.Replace(';', ',')));

        Assert.Equal(3, Single(import).Metadata.Source.Line);
    }

    [Fact]
    public void Danish_headers_are_accepted_trimmed_and_in_any_case()
    {
        var import = Import(Lines(
            " System-id ;NAVN;status;Systemejer;Afdeling;stedfortræder;Leverandør;MTD (timer);RPO (timer)",
            "SYS-1;Omsorg;udfaset;anne@norddjurs.dk;Sundhed;bo@norddjurs.dk;Eksempel A/S;4;1"));

        var system = Single(import);
        Assert.Equal(SystemStatus.Retired, system.Status);
        Assert.Equal("bo@norddjurs.dk", system.People.DeputyOwner?.Upn);
        Assert.Equal("Eksempel A/S", system.Supplier.Name);
        Assert.Equal((4.0, 1.0), (system.Continuity.MtdHours, system.Continuity.RpoHours));
    }

    [Fact]
    public void Quoted_cells_keep_separators_line_breaks_and_doubled_quotes()
    {
        var import = Import(Lines(
            Required + ";shortDescription;manualFallback",
            GoodRow + ";\"Journal; plan, og \"\"medicin\"\"\";\"Linje et\r\nlinje to\nlinje tre\"",
            "SYS-2;Løn;aktiv;carl@norddjurs.dk;Økonomi;;"));

        Assert.True(import.IsSuccess, string.Join(Environment.NewLine, import.Problems));
        var first = import.Systems[0];
        Assert.Equal("Journal; plan, og \"medicin\"", first.ShortDescription);
        Assert.Equal("Linje et\nlinje to\nlinje tre", first.Continuity.ManualFallback?.Description);
        // The quoted cell spans lines 2–4, so the next row starts on physical line 5.
        Assert.Equal([2, 5], import.Systems.Select(s => s.Metadata.Source.Line));
    }

    [Fact]
    public void LF_only_files_read_like_CRLF_files()
    {
        var import = Import(Required + "\n" + GoodRow + "\nSYS-2;Løn;aktiv;carl@norddjurs.dk;Økonomi");

        Assert.Equal([2, 3], import.Systems.Select(s => s.Metadata.Source.Line));
    }

    [Fact]
    public void Blank_rows_are_skipped_but_still_counted_as_lines()
    {
        var import = Import(Lines(Required, GoodRow, ";;;;", "", "SYS-2;Løn;aktiv;carl@norddjurs.dk;Økonomi"));

        Assert.Equal([2, 5], import.Systems.Select(s => s.Metadata.Source.Line));
    }

    [Fact]
    public void Empty_columns_Excel_leaves_at_the_end_are_ignored()
    {
        var import = Import(Lines(Required + ";;", GoodRow + ";;"));

        Assert.Equal("SYS-1", Single(import).SystemId);
    }

    [Fact]
    public void A_column_without_a_header_but_with_values_is_a_problem()
    {
        var problem = OneProblem(Import(Lines(Required + ";", GoodRow + ";hvad er dette")));

        Assert.Equal((1, ImportErrorCodes.ColumnBlank), (problem.Line, problem.Error.Code));
        Assert.Equal("6", problem.Error.Args["position"]);
    }

    [Fact]
    public void Optional_columns_may_be_left_out_and_read_as_not_stated()
    {
        var system = Single(Import(Lines(Required, GoodRow)));

        Assert.Null(system.Data.PersonalData);
        Assert.Empty(system.Data.DataClasses);
        Assert.Equal(ThirdCountryTransfer.Unknown, system.ThirdCountry.Transfer);
        Assert.True(system.Plan.Nis2Relevant);
        Assert.Equal(RecordSource.Import("planer.csv", 2), system.Metadata.Source);
    }
}
