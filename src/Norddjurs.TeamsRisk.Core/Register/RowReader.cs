using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Core.Register;

internal delegate bool CellParser<T>(string text, out T value);

/// <summary>
/// Reads the cells of one row by column name and records a problem for each bad one, so a row reports all its
/// faults at once. A column the file does not have reads as blank (its absence is reported once, on the header).
/// </summary>
internal sealed class RowReader(int line, IReadOnlyDictionary<string, (string Header, string Raw)> cells, List<ImportProblem> problems)
{
    private const char ListSeparator = '|';

    private readonly int _problemsBefore = problems.Count;

    public int Line => line;

    public bool HasProblems => problems.Count > _problemsBefore;

    public string? Text(string column)
    {
        if (ContinuityPlanColumns.All.All(c => c.Name != column))
        {
            throw new ArgumentException($"No template column '{column}'.", nameof(column));
        }

        return cells.TryGetValue(column, out var cell) && cell.Raw.Trim() is { Length: > 0 } text ? text : null;
    }

    /// <summary>The text, or null after reporting it missing (when the file has the column at all).</summary>
    public string? Required(string column)
    {
        var text = Text(column);
        if (text is null && cells.ContainsKey(column))
        {
            Report(column, ImportErrorCodes.ValueRequired, string.Empty);
        }

        return text;
    }

    public T? Value<T>(string column, CellParser<T> parse, string code, params (string Name, object? Value)[] args)
        where T : struct
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        Report(column, code, text, args);
        return null;
    }

    public T? Reference<T>(string column, CellParser<T?> parse, string code, params (string Name, object? Value)[] args)
        where T : class
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value) && value is not null)
        {
            return value;
        }

        Report(column, code, text, args);
        return null;
    }

    public T? Enum<T>(string column, Vocabulary<T> words)
        where T : struct, System.Enum =>
        Value<T>(column, words.TryParse, ImportErrorCodes.EnumInvalid, ("allowed", words.Allowed()));

    public bool? Boolean(string column) => Value<bool>(column, CellValues.TryBoolean, ImportErrorCodes.BooleanInvalid);

    public DateOnly? Date(string column) => Value<DateOnly>(column, CellValues.TryDate, ImportErrorCodes.DateInvalid);

    public double? Hours(string column) => Value<double>(column, CellValues.TryHours, ImportErrorCodes.NumberInvalid);

    public PersonRef? Person(string column) => Reference<PersonRef>(column, PersonRef.TryParse, ImportErrorCodes.PersonInvalid);

    /// <summary>Items separated by <c>|</c>; blanks between separators are skipped.</summary>
    public IReadOnlyList<string> List(string column) =>
        Text(column)?.Split(ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>Each item parsed; a bad item is reported with the item as its value and the whole cell as the raw value.</summary>
    public IReadOnlyList<T> List<T>(string column, CellParser<T> parse, string code, params (string Name, object? Value)[] args)
    {
        var result = new List<T>();
        foreach (var item in List(column))
        {
            if (parse(item, out var value))
            {
                result.Add(value);
            }
            else
            {
                Report(column, code, item, args);
            }
        }

        return result;
    }

    public IReadOnlyList<T> EnumList<T>(string column, Vocabulary<T> words)
        where T : struct, System.Enum =>
        List<T>(column, words.TryParse, ImportErrorCodes.EnumInvalid, ("allowed", words.Allowed()));

    public void Report(string column, string code, string value, params (string Name, object? Value)[] args)
    {
        var (header, raw) = cells.TryGetValue(column, out var cell) ? cell : (column, string.Empty);
        (string, object?)[] all = [("line", line), ("column", header.Trim()), ("value", value), .. args];
        problems.Add(new ImportProblem(line, column, raw, DomainError.Of(code, all)));
    }
}
