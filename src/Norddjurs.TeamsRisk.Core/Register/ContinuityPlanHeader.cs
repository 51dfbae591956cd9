using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>Maps the header's cells to template columns (trimmed, case-insensitive, Danish names accepted) and reports what does not fit.</summary>
internal static class ContinuityPlanHeader
{
    /// <summary>One entry per header cell: its column, or null for a cell that maps to none (already reported, or blank and unused).</summary>
    public static IReadOnlyList<ImportColumn?> Read(CsvRow header, IReadOnlyList<CsvRow> rows, List<ImportProblem> problems)
    {
        var columns = new ImportColumn?[header.Cells.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header.Cells[i].Trim();
            if (text.Length == 0)
            {
                // Excel leaves empty trailing columns behind; they only matter if someone typed into them.
                if (rows.Skip(1).Any(r => i < r.Cells.Count && !string.IsNullOrWhiteSpace(r.Cells[i])))
                {
                    Report(header.Line, null, text, ImportErrorCodes.ColumnBlank, ("position", i + 1));
                }

                continue;
            }

            var column = ContinuityPlanColumns.Find(text);
            if (column is null)
            {
                var code = ContinuityPlanColumns.IsNotImported(text) ? ImportErrorCodes.ColumnDerived : ImportErrorCodes.ColumnUnknown;
                Report(header.Line, text, text, code, ("column", text));
            }
            else if (!seen.Add(column.Name))
            {
                Report(header.Line, column.Name, text, ImportErrorCodes.ColumnDuplicate, ("column", text));
            }
            else
            {
                columns[i] = column;
            }
        }

        foreach (var missing in ContinuityPlanColumns.All.Where(c => c.Required && !seen.Contains(c.Name)))
        {
            Report(header.Line, missing.Name, null, ImportErrorCodes.ColumnMissing, ("column", missing.Name));
        }

        return columns;

        void Report(int line, string? column, string? raw, string code, params (string Name, object? Value)[] args) =>
            problems.Add(new ImportProblem(line, column, raw, DomainError.Of(code, [("line", line), .. args])));
    }
}
