using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Norddjurs.TeamsRisk.Tab.Exports;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Queries.Exports;

namespace Norddjurs.TeamsRisk.Tab.Tests;

/// <summary>The workbook opened again with DocumentFormat.OpenXml and compared with the store it was read from.</summary>
public sealed class RegisterWorkbookTests : IAsyncLifetime, IDisposable
{
    private readonly TabWorld _world = new();
    private readonly MemoryStream _file = new();
    private IReadOnlyList<AssessmentRecord> _seeded = [];

    public async Task InitializeAsync()
    {
        _seeded = await _world.SeedAsync(40, linesPerSystem: 5);
        var export = Assert.IsType<Outcome<RegisterExport>.Done>(
            await ((IServiceProvider)((Bunit.BunitContext)_world).Services).GetRequiredService<ExportQueries>().RegisterAsync(TabWorld.As(TabWorld.Auditor).Actor, CancellationToken.None)).Value;
        RegisterWorkbook.Write(export, _file);
        _file.Position = 0;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _file.Dispose();
        _world.Dispose();
    }

    [Fact]
    public void One_sheet_per_table_each_with_danish_headers_in_a_frozen_first_row()
    {
        using var document = SpreadsheetDocument.Open(_file, false);

        Assert.Equal(RegisterWorkbook.SheetNames, Sheets(document).Select(s => s.Name!.Value!));
        foreach (var (_, part) in Sheets(document).Select(s => (s, Part(document, s.Name!))))
        {
            var pane = part.Worksheet.Descendants<Pane>().Single();
            Assert.Equal(1D, pane.VerticalSplit!.Value);
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            Assert.All(Row(part, 1), c => Assert.Equal(WorkbookStyles.Header, c.StyleIndex!.Value));
        }

        var header = Row(Part(document, "Risici"), 1).Select(Text).ToList();
        Assert.Equal(["System-id", "System", "Forvaltning/afdeling", "Vurdering", "Runde", "Status", "Hændelse-id", "Hændelse", "Sandsynlighed", "Konsekvens", "Point", "Risikoniveau"], header.Take(12));
        Assert.Contains("Udvalgets indstilling", header);
    }

    [Fact]
    public void Every_stored_line_is_a_row_whose_points_are_typed_numbers_equal_to_the_store()
    {
        using var document = SpreadsheetDocument.Open(_file, false);
        var rows = Part(document, "Risici").Worksheet.Descendants<Row>().Skip(1).ToList();

        Assert.Equal(_seeded.Sum(r => r.Assessment.Lines.Count), rows.Count);
        var stored = _seeded.SelectMany(r => r.Assessment.Lines.Select(l => (r.SystemId, l.EventId, l.Score.Likelihood.Value, l.Score.Consequence.Value, l.Score.Points, l.Residual.Points)))
            .ToDictionary(x => (x.SystemId, x.EventId));
        foreach (var row in rows)
        {
            var cells = row.Elements<Cell>().ToList();
            var line = stored[(Text(cells[0]), Text(cells[6]))];
            Assert.Equal(CellValues.Number, cells[10].DataType!.Value);
            Assert.Equal(line.Item5, int.Parse(cells[10].CellValue!.Text, CultureInfo.InvariantCulture));
            Assert.Equal(line.Item3, int.Parse(cells[8].CellValue!.Text, CultureInfo.InvariantCulture));
            Assert.Equal(line.Item4, int.Parse(cells[9].CellValue!.Text, CultureInfo.InvariantCulture));
            Assert.Equal(line.Item6, int.Parse(cells[13].CellValue!.Text, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Dates_are_date_cells_and_bands_are_filled_with_their_colour_and_carry_their_label()
    {
        using var document = SpreadsheetDocument.Open(_file, false);
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var fills = stylesheet.Fills!.Elements<Fill>().ToList();
        // Row 3 is SYS-0001, approved 10 days before the clock (every tenth system is only submitted).
        var row = Row(Part(document, "Register"), 3);
        var header = Row(Part(document, "Register"), 1).Select(Text).ToList();

        var due = row[header.IndexOf("Næste vurdering senest")];
        var dueFormat = formats[(int)due.StyleIndex!.Value].NumberFormatId!.Value;
        Assert.Equal("dd-mm-yyyy", stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == dueFormat).FormatCode!.Value);
        var system = _seeded.Single(r => r.SystemId == Text(row[0]));
        Assert.Equal(new DateOnly(2026, 3, 2).AddDays(-10).AddMonths(12),
            DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(due.CellValue!.Text, CultureInfo.InvariantCulture))));
        Assert.NotNull(system);

        var bandCell = row[header.IndexOf("Risikoniveau")];
        var band = Examples.Method.Bands.Single(b => b.Label.Da == Text(bandCell));
        var fill = fills[(int)formats[(int)bandCell.StyleIndex!.Value].FillId!.Value].PatternFill!;
        Assert.Equal("FF" + band.Color.TrimStart('#'), fill.ForegroundColor!.Rgb!.Value);
    }

    [Fact]
    public void Both_matrices_hold_the_counts_as_numbers_whose_format_shows_the_band_label()
    {
        using var document = SpreadsheetDocument.Open(_file, false);
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var lines = _seeded.SelectMany(r => r.Assessment.Lines).ToList();

        var current = Part(document, "Matrix nu");
        // Row 2 is likelihood 4; column B is consequence 1.
        var cell = Row(current, 2)[4];
        Assert.Equal(CellValues.Number, cell.DataType!.Value);
        Assert.Equal(lines.Count(l => l.Score.Likelihood.Value == 4 && l.Score.Consequence.Value == 4), int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture));
        var format = formats[(int)cell.StyleIndex!.Value].NumberFormatId!.Value;
        Assert.Equal("\"Kritisk: \"0", stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format).FormatCode!.Value);

        var residualTotal = Part(document, "Matrix efter").Worksheet.Descendants<Row>().Skip(1)
            .SelectMany(r => r.Elements<Cell>().Skip(1)).Sum(c => int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(lines.Count, residualTotal);
    }

    private static IEnumerable<Sheet> Sheets(SpreadsheetDocument document) => document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>();

    private static WorksheetPart Part(SpreadsheetDocument document, string name) =>
        (WorksheetPart)document.WorkbookPart!.GetPartById(Sheets(document).Single(s => s.Name == name).Id!.Value!);

    private static List<Cell> Row(WorksheetPart part, uint index) =>
        [.. part.Worksheet.Descendants<Row>().Single(r => r.RowIndex!.Value == index).Elements<Cell>()];

    private static string Text(Cell cell) => cell.InlineString?.Text?.Text ?? cell.CellValue?.Text ?? string.Empty;
}
