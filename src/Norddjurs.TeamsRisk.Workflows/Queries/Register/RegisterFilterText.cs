using System.Globalization;
using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Register;

/// <summary>A value a reader sent that the register cannot use, by its query-string name.</summary>
public sealed record InvalidFilterValue(string Name, string Value);

/// <summary>
/// Reads the register's filter from text (a URL's query string: <c>department, band, status, round, owner, q, sort,
/// desc, page, pageSize</c>), the same for the API and the tab's page. Every bad value is named; none is guessed.
/// </summary>
public static class RegisterFilterText
{
    public const int MaxTextLength = 200;

    public static readonly IReadOnlyList<string> Names = ["department", "band", "status", "round", "owner", "q", "sort", "desc", "page", "pageSize"];

    public static (RegisterFilter Filter, IReadOnlyList<InvalidFilterValue> Invalid) Parse(Func<string, string?> get, IReadOnlyCollection<string> bandIds)
    {
        ArgumentNullException.ThrowIfNull(get);
        var invalid = new List<InvalidFilterValue>();
        string? Text(string name)
        {
            var value = get(name)?.Trim() ?? string.Empty;
            if (value.Length > MaxTextLength)
            {
                invalid.Add(new(name, value[..20] + "…"));
                return null;
            }

            return value.Length == 0 ? null : value;
        }

        var band = Text("band");
        if (band is not null && !bandIds.Contains(band, StringComparer.OrdinalIgnoreCase))
        {
            invalid.Add(new("band", band));
            band = null;
        }

        var status = Enum<AssessmentState>("status");
        var sort = Enum<RegisterSort>("sort") ?? RegisterSort.System;
        var descending = false;
        if (Text("desc") is { } descText && !bool.TryParse(descText, out descending))
        {
            invalid.Add(new("desc", descText));
        }

        var page = Number("page", 1, 1_000_000, 1);
        var pageSize = Number("pageSize", 1, RegisterFilter.MaxPageSize, RegisterFilter.DefaultPageSize);
        return (new RegisterFilter(Text("department"), band, status, Text("round"), Text("owner"), Text("q"), sort, descending, page, pageSize), invalid);

        T? Enum<T>(string name) where T : struct, Enum
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            // Names only: "3" would otherwise parse as a state's number.
            if (System.Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && !text.Any(char.IsDigit))
            {
                return parsed;
            }

            invalid.Add(new(name, text));
            return null;
        }

        int Number(string name, int min, int max, int fallback)
        {
            if (Text(name) is not { } text)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            invalid.Add(new(name, text));
            return fallback;
        }
    }

    /// <summary>The query string that asks for this filter (defaults left out), for links to a page, a sort or a cell.</summary>
    public static string ToQuery(RegisterFilter filter)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("department", filter.Department);
        Add("band", filter.Band);
        Add("status", filter.Status?.ToString());
        Add("round", filter.RoundId);
        Add("owner", filter.Owner);
        Add("q", filter.Search);
        Add("sort", filter.Sort == RegisterSort.System ? null : filter.Sort.ToString());
        Add("desc", filter.Descending ? "true" : null);
        Add("page", filter.Page == 1 ? null : filter.Page.ToString(CultureInfo.InvariantCulture));
        Add("pageSize", filter.PageSize == RegisterFilter.DefaultPageSize ? null : filter.PageSize.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}
