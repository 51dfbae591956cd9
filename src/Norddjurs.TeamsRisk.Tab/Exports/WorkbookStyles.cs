using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Tab.Exports;

/// <summary>
/// The workbook's cell formats, built once from the method's bands: a bold header, Danish date and date-time formats,
/// whole numbers, and per band a fill with the band's text colour — once for a label and once for a matrix count
/// whose number format writes the band's label in front of the number, so the cell stays a number and still reads
/// "Høj: 3" (colour is never the only sign).
/// </summary>
internal sealed class WorkbookStyles
{
    public const uint Text = 0;
    public const uint Header = 1;
    public const uint Date = 2;
    public const uint DateTime = 3;
    public const uint Integer = 4;
    private const uint FirstBandStyle = 5;
    private const uint FirstCustomFormat = 164;

    private readonly Dictionary<string, uint> _bandLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, uint> _bandCount = new(StringComparer.Ordinal);

    private WorkbookStyles(IReadOnlyList<Band> bands)
    {
        for (var i = 0; i < bands.Count; i++)
        {
            _bandLabel[bands[i].Id] = FirstBandStyle + (uint)(2 * i);
            _bandCount[bands[i].Id] = FirstBandStyle + (uint)(2 * i) + 1;
        }
    }

    public uint BandLabel(Band band) => _bandLabel[band.Id];

    public uint BandCount(Band band) => _bandCount[band.Id];

    public static WorkbookStyles Write(WorkbookPart workbook, IReadOnlyList<Band> bands)
    {
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = FirstCustomFormat, FormatCode = "dd-mm-yyyy" },
            new NumberingFormat { NumberFormatId = FirstCustomFormat + 1, FormatCode = "dd-mm-yyyy hh:mm" });
        var fonts = new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }));
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid(new HexBinaryValue("FFD9D9D9")));
        var cells = new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
            new CellFormat { NumberFormatId = FirstCustomFormat, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = FirstCustomFormat + 1, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true });
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            var font = (uint)fonts.ChildElements.Count;
            fonts.Append(new Font(new Bold(), new Color { Rgb = Argb(band.TextColor) }, new FontSize { Val = 11 }, new FontName { Val = "Calibri" }));
            var fill = (uint)fills.ChildElements.Count;
            fills.Append(Solid(Argb(band.Color)));
            var countFormat = FirstCustomFormat + 2 + (uint)i;
            // The label as a literal in the number format: "Høj: "0 shows 3 as Høj: 3 and keeps the value 3.
            formats.Append(new NumberingFormat { NumberFormatId = countFormat, FormatCode = $"\"{band.Label.Da.Replace("\"", string.Empty, StringComparison.Ordinal)}: \"0" });
            cells.Append(new CellFormat { FontId = font, FillId = fill, ApplyFont = true, ApplyFill = true });
            cells.Append(new CellFormat { FontId = font, FillId = fill, NumberFormatId = countFormat, ApplyFont = true, ApplyFill = true, ApplyNumberFormat = true });
        }

        formats.Count = (uint)formats.ChildElements.Count;
        fonts.Count = (uint)fonts.ChildElements.Count;
        fills.Count = (uint)fills.ChildElements.Count;
        cells.Count = (uint)cells.ChildElements.Count;
        var part = workbook.AddNewPart<WorkbookStylesPart>();
        part.Stylesheet = new Stylesheet(formats, fonts, fills,
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            cells);
        part.Stylesheet.Save();
        return new WorkbookStyles(bands);
    }

    private static Fill Solid(HexBinaryValue argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    /// <summary>#RRGGBB → FFRRGGBB, as SpreadsheetML writes colours.</summary>
    private static HexBinaryValue Argb(string hex) => "FF" + hex.TrimStart('#').ToUpperInvariant();
}
