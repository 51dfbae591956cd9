using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>
/// Imports critical systems from the continuity-plan template (README.md in this folder; risk-method.md §2.1 step 1
/// and §6). All or nothing: one bad cell anywhere means no system is imported and every problem is listed.
/// </summary>
public static class ContinuityPlanCsv
{
    private const string TemplateResource = "Norddjurs.TeamsRisk.Core.Register.continuity-plan-template.csv";

    /// <summary>
    /// Reads a template file. Every imported system is marked <see cref="ConfirmationStatus.ToBeConfirmedByOwner"/>,
    /// carries <paramref name="sourceName"/> and its line as its source, and was created at
    /// <paramref name="importedAt"/> by <paramref name="importedBy"/> (the coordinator).
    /// </summary>
    /// <param name="content">The file's bytes: UTF-8 with or without BOM, or Windows-1252.</param>
    /// <param name="sourceName">The file name, kept as the records' source.</param>
    public static ContinuityPlanImport Parse(ReadOnlySpan<byte> content, string sourceName, DateTimeOffset importedAt, PersonRef importedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentNullException.ThrowIfNull(importedBy);

        var encodingError = CsvDecoding.Decode(content, out var text, out var encoding);
        if (encodingError is not null)
        {
            return new([], [FileProblem(1, encodingError)], encoding, ';');
        }

        var table = CsvReader.Read(text);
        var problems = new List<ImportProblem>(table.Problems);
        var rows = table.Rows.Where(r => !r.IsBlank).ToList();
        if (rows.Count == 0)
        {
            return new([], [FileProblem(1, ImportErrorCodes.EmptyFile)], encoding, table.Separator);
        }

        var header = rows[0];
        var columns = ContinuityPlanHeader.Read(header, rows, problems);
        if (rows.Count == 1)
        {
            problems.Add(FileProblem(header.Line, ImportErrorCodes.NoRows));
        }

        var systems = new List<CriticalSystem>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Skip(1))
        {
            if (row.Cells.Count != header.Cells.Count)
            {
                problems.Add(new ImportProblem(row.Line, null, null, DomainError.Of(ImportErrorCodes.CellCount,
                    ("line", row.Line), ("expected", header.Cells.Count), ("actual", row.Cells.Count))));
                continue;
            }

            var cells = new Dictionary<string, (string Header, string Raw)>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i] is { } column)
                {
                    cells[column.Name] = (header.Cells[i], row.Cells[i]);
                }
            }

            var reader = new RowReader(row.Line, cells, problems);
            var metadata = new RegisterMetadata
            {
                RecordVersion = 1,
                Source = RecordSource.Import(sourceName, row.Line),
                CreatedAt = importedAt,
                CreatedBy = importedBy,
            };
            if (ContinuityPlanRow.Read(reader, metadata) is { } system)
            {
                systems.Add(system);
            }

            if (reader.Text("systemId") is { } id)
            {
                if (firstLineOfId.TryGetValue(id, out var firstLine))
                {
                    reader.Report("systemId", ImportErrorCodes.SystemIdDuplicate, id, ("firstLine", firstLine));
                }
                else
                {
                    firstLineOfId[id] = row.Line;
                }
            }
        }

        return problems.Count == 0
            ? new(systems, [], encoding, table.Separator)
            : new([], problems.OrderBy(p => p.Line).ToList(), encoding, table.Separator);
    }

    /// <summary>The shipped template (README.md in this folder): header and example rows, UTF-8 with BOM, <c>;</c>-separated.</summary>
    public static byte[] Template()
    {
        using var stream = typeof(ContinuityPlanCsv).Assembly.GetManifestResourceStream(TemplateResource)
            ?? throw new InvalidOperationException($"Missing embedded resource {TemplateResource}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static ImportProblem FileProblem(int line, string code) =>
        new(line, null, null, DomainError.Of(code, ("line", line)));
}
