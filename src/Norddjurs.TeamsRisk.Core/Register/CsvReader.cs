using System.Text;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>One record of the file: the physical line it starts on (first line = 1) and its cells, unquoted.</summary>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>The rows of a CSV text, the separator used, and the quoting problems met on the way.</summary>
internal sealed record CsvTable(char Separator, IReadOnlyList<CsvRow> Rows, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// RFC 4180 reading: quoted cells may hold separators, doubled quotes and line breaks; records end at CRLF, LF or CR.
/// The separator is <c>;</c> or <c>,</c>, whichever the header line uses more (Excel's "sep=;" first line is honoured).
/// </summary>
internal static class CsvReader
{
    public static CsvTable Read(string text)
    {
        var start = 0;
        var line = 1;
        char? declared = null;
        if (text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && text.Length > 4 && text[4] is ';' or ',')
        {
            declared = text[4];
            start = SkipLine(text, 5);
            line = 2;
        }

        var separator = declared ?? Detect(text, start);
        var problems = new List<ImportProblem>();
        var rows = new List<CsvRow>();
        var i = start;
        while (i < text.Length)
        {
            var (row, next, nextLine) = ReadRow(text, i, line, separator, problems);
            rows.Add(row);
            i = next;
            line = nextLine;
        }

        return new CsvTable(separator, rows, problems);
    }

    private static char Detect(string text, int start)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                break;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
        }

        return commas > semicolons ? ',' : ';';
    }

    private static (CsvRow Row, int Next, int NextLine) ReadRow(string text, int i, int line, char separator, List<ImportProblem> problems)
    {
        var startLine = line;
        var cells = new List<string>();
        var cell = new StringBuilder();
        while (true)
        {
            cell.Clear();
            if (i < text.Length && text[i] == '"')
            {
                var openedOn = line;
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    var c = text[i];
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i += 2;
                    }
                    else if (c == '"')
                    {
                        i++;
                        closed = true;
                        break;
                    }
                    else if (c is '\r' or '\n')
                    {
                        // Line breaks inside a cell become "\n" whatever the file used.
                        i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                        cell.Append('\n');
                        line++;
                    }
                    else
                    {
                        cell.Append(c);
                        i++;
                    }
                }

                if (!closed)
                {
                    problems.Add(new ImportProblem(openedOn, null, null, DomainError.Of(ImportErrorCodes.QuoteUnclosed, ("line", openedOn))));
                }
                else if (i < text.Length && text[i] != separator && text[i] is not ('\r' or '\n'))
                {
                    // Text after the closing quote: keep it, but say so, because the cell probably is not what was meant.
                    problems.Add(new ImportProblem(line, null, null, DomainError.Of(ImportErrorCodes.QuoteInvalid, ("line", line))));
                    while (i < text.Length && text[i] != separator && text[i] is not ('\r' or '\n'))
                    {
                        cell.Append(text[i++]);
                    }
                }
            }
            else
            {
                // Outside quotes a quote is an ordinary character (19" rack), as Excel reads it.
                while (i < text.Length && text[i] != separator && text[i] is not ('\r' or '\n'))
                {
                    cell.Append(text[i++]);
                }
            }

            cells.Add(cell.ToString());
            if (i < text.Length && text[i] == separator)
            {
                i++;
                continue;
            }

            if (i < text.Length)
            {
                i = SkipLine(text, i);
                line++;
            }

            return (new CsvRow(startLine, cells), i, line);
        }
    }

    /// <summary>The index after the line break at or after <paramref name="i"/>.</summary>
    private static int SkipLine(string text, int i)
    {
        while (i < text.Length && text[i] is not ('\r' or '\n'))
        {
            i++;
        }

        if (i < text.Length && text[i] == '\r')
        {
            i++;
        }

        if (i < text.Length && text[i] == '\n')
        {
            i++;
        }

        return i;
    }
}
