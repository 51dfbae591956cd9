using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Norddjurs.TeamsRisk.Tab.Exports;

/// <summary>
/// Writes one worksheet forward only (<see cref="OpenXmlWriter"/>): no document tree in memory, so thousands of rows
/// cost what one row costs. Row 1 is the header and is frozen. Text is written inline, numbers and dates as numbers.
/// </summary>
internal sealed class SheetWriter : IDisposable
{
    private readonly OpenXmlWriter _writer;
    private uint _row;
    private int _column;

    public SheetWriter(WorksheetPart part, IReadOnlyList<double> widths)
    {
        _writer = OpenXmlWriter.Create(part);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteStartElement(new SheetViews());
        _writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
        _writer.WriteElement(new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteStartElement(new Columns());
        for (var i = 0; i < widths.Count; i++)
        {
            _writer.WriteElement(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
        }

        _writer.WriteEndElement();
        _writer.WriteStartElement(new SheetData());
    }

    public void Row(Action<SheetWriter> cells)
    {
        _row++;
        _column = 0;
        _writer.WriteStartElement(new Row { RowIndex = _row });
        cells(this);
        _writer.WriteEndElement();
    }

    public void Header(IEnumerable<string> titles) => Row(r =>
    {
        foreach (var title in titles)
        {
            r.Text(title, WorkbookStyles.Header);
        }
    });

    public SheetWriter Text(string? value, uint style = WorkbookStyles.Text)
    {
        var cell = Start(style);
        if (string.IsNullOrEmpty(value))
        {
            _writer.WriteElement(cell);
            return this;
        }

        cell.DataType = CellValues.InlineString;
        _writer.WriteStartElement(cell);
        _writer.WriteElement(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }));
        _writer.WriteEndElement();
        return this;
    }

    public SheetWriter Number(double? value, uint style = WorkbookStyles.Integer)
    {
        var cell = Start(style);
        if (value is { } number)
        {
            cell.DataType = CellValues.Number;
            cell.CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture));
        }

        _writer.WriteElement(cell);
        return this;
    }

    public SheetWriter Date(DateOnly? value) =>
        Number(value?.ToDateTime(TimeOnly.MinValue).ToOADate(), WorkbookStyles.Date);

    public SheetWriter Moment(DateTimeOffset? value) =>
        Number(value is { } v ? TimeZoneInfo.ConvertTime(v, Workflows.Common.DanishTime.Zone).DateTime.ToOADate() : null, WorkbookStyles.DateTime);

    public void Dispose()
    {
        _writer.WriteEndElement(); // sheetData
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
        _writer.Dispose();
    }

    private Cell Start(uint style)
    {
        var reference = ColumnName(_column++) + _row.ToString(CultureInfo.InvariantCulture);
        return new Cell { CellReference = reference, StyleIndex = style };
    }

    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }
}
