using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Tab;

/// <summary>
/// A downloaded workbook's sheets as rows of cell texts (inline strings and numbers as written), opened with
/// DocumentFormat.OpenXml: a file that does not open as a spreadsheet fails here.
/// </summary>
internal static class WorkbookSheets
{
    public static Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidOperationException("No workbook part.");
        var sheets = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            sheets[sheet.Name!.Value!] = [.. part.Worksheet.Descendants<Row>()
                .Select(r => (IReadOnlyList<string>)[.. r.Elements<Cell>().Select(c => c.CellValue?.Text ?? c.InnerText)])];
        }

        return sheets;
    }

    /// <summary>The rows below the header, each as header → text.</summary>
    public static IReadOnlyList<Dictionary<string, string>> Table(IReadOnlyList<IReadOnlyList<string>> rows) =>
        [.. rows.Skip(1).Select(r => rows[0].Select((h, i) => (h, v: i < r.Count ? r[i] : string.Empty)).ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal))];
}
