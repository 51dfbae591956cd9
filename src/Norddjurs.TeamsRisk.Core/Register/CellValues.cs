using System.Globalization;

namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>Readers for single cell values as Danish spreadsheets write them. Input is already trimmed and non-empty.</summary>
internal static class CellValues
{
    // Word and Excel put no-break spaces into dates and numbers they format ("3.\u00A0marts", "12\u00A0500").
    private static readonly char[] Spaces = [' ', '\u00A0', '\u202F'];

    private static readonly string[] TrueWords = ["ja", "j", "yes", "y", "true", "sand", "x", "1"];
    private static readonly string[] FalseWords = ["nej", "n", "no", "false", "falsk", "0"];

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["januar"] = 1, ["februar"] = 2, ["marts"] = 3, ["april"] = 4, ["maj"] = 5, ["juni"] = 6,
        ["juli"] = 7, ["august"] = 8, ["september"] = 9, ["oktober"] = 10, ["november"] = 11, ["december"] = 12,
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8,
        ["sep"] = 9, ["sept"] = 9, ["okt"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    public static bool TryBoolean(string text, out bool value)
    {
        var word = text.ToLowerInvariant();
        value = TrueWords.Contains(word);
        return value || FalseWords.Contains(word);
    }

    /// <summary><c>dd-mm-yyyy</c>, <c>dd.mm.yyyy</c> (day and month may have one digit), <c>d. MMMM yyyy</c> with Danish month names, or ISO <c>yyyy-mm-dd</c>.</summary>
    public static bool TryDate(string text, out DateOnly date)
    {
        date = default;
        var words = text.Split(Spaces, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 3)
        {
            return Months.TryGetValue(words[1].TrimEnd('.').ToLowerInvariant(), out var month) &&
                TryDigits(words[0].TrimEnd('.'), 1, 2, out var day) &&
                TryDigits(words[2], 4, 4, out var year) &&
                TryMake(year, month, day, out date);
        }

        if (words.Length != 1)
        {
            return false;
        }

        var separator = text.Contains('-', StringComparison.Ordinal) ? '-' : '.';
        var parts = text.Split(separator);
        if (parts.Length != 3)
        {
            return false;
        }

        if (separator == '-' && parts[0].Length == 4)
        {
            return TryDigits(parts[0], 4, 4, out var isoYear) && TryDigits(parts[1], 2, 2, out var isoMonth) &&
                TryDigits(parts[2], 2, 2, out var isoDay) && TryMake(isoYear, isoMonth, isoDay, out date);
        }

        return TryDigits(parts[0], 1, 2, out var d) && TryDigits(parts[1], 1, 2, out var m) &&
            TryDigits(parts[2], 4, 4, out var y) && TryMake(y, m, d, out date);
    }

    /// <summary>A non-negative decimal with a comma or a point (<c>1,5</c>, <c>1.5</c>, <c>24</c>); no thousands separators.</summary>
    public static bool TryHours(string text, out double value)
    {
        value = 0;
        var separators = text.Count(c => c is ',' or '.');
        if (separators > 1 || text.Length == 0 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[^1]) ||
            text.Any(c => !char.IsAsciiDigit(c) && c is not (',' or '.')))
        {
            return false;
        }

        return double.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) &&
            double.IsFinite(value);
    }

    /// <summary>A whole non-negative number; thousands may be grouped with a point or a space (<c>2.000</c>, <c>2 000</c>).</summary>
    public static bool TryCount(string text, out int value)
    {
        value = 0;
        var groups = text.Split(['.', .. Spaces]);
        var grouped = groups.Length > 1;
        if (groups.Any(g => g.Length == 0 || !g.All(char.IsAsciiDigit)) ||
            (grouped && (groups[0].Length > 3 || groups.Skip(1).Any(g => g.Length != 3))))
        {
            return false;
        }

        return int.TryParse(string.Concat(groups), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>ISO 3166-1 alpha-2 (format only, so the list never goes stale): two letters, returned upper case.</summary>
    public static bool TryCountry(string text, out string code)
    {
        code = text.ToUpperInvariant();
        return code.Length == 2 && code.All(char.IsAsciiLetterUpper);
    }

    /// <summary>8 digits; spaces and a "DK" prefix are tolerated.</summary>
    public static bool TryCvr(string text, out string cvr)
    {
        cvr = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (cvr.StartsWith("DK", StringComparison.OrdinalIgnoreCase))
        {
            cvr = cvr[2..];
        }

        return cvr.Length == 8 && cvr.All(char.IsAsciiDigit);
    }

    /// <summary>KLE: <c>27</c>, <c>27.36</c> or <c>27.36.08</c> (two digits per level).</summary>
    public static bool TryKle(string text) =>
        text.Split('.') is { Length: >= 1 and <= 3 } parts && parts.All(p => p.Length == 2 && p.All(char.IsAsciiDigit));

    public static bool TryLink(string text, out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>SCC 2021 module 1–4, written "2", "modul 2" or "module 2".</summary>
    public static bool TrySccModule(string text, out int module)
    {
        var key = Vocabulary.Key(text);
        var digits = key.StartsWith("module", StringComparison.Ordinal) ? key[6..] :
            key.StartsWith("modul", StringComparison.Ordinal) ? key[5..] : key;
        module = digits.Length == 1 && digits[0] is >= '1' and <= '4' ? digits[0] - '0' : 0;
        return module != 0;
    }

    /// <summary>
    /// Splits a structured list item "Head (first, rest)" into its parts. The comma after the first part separates;
    /// later commas stay in the rest. Without parentheses, the whole text is the head.
    /// </summary>
    public static bool TrySplitItem(string item, out string head, out string? first, out string? rest)
    {
        first = null;
        rest = null;
        var open = item.LastIndexOf('(');
        if (open < 0)
        {
            head = item.Trim();
            return head.Length > 0 && !item.Contains(')', StringComparison.Ordinal);
        }

        head = item[..open].Trim();
        if (!item.EndsWith(')') || head.Length == 0)
        {
            return false;
        }

        var inside = item[(open + 1)..^1];
        var comma = inside.IndexOf(',', StringComparison.Ordinal);
        first = Blank((comma < 0 ? inside : inside[..comma]).Trim());
        rest = comma < 0 ? null : Blank(inside[(comma + 1)..].Trim());
        return true;
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    private static bool TryDigits(string text, int min, int max, out int value)
    {
        value = 0;
        return text.Length >= min && text.Length <= max && text.All(char.IsAsciiDigit) &&
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryMake(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}
