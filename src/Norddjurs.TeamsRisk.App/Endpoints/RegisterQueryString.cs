using System.Globalization;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Workflows.Queries.Register;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// Reads the register's filter from the query string: <c>department, band, status, round, owner, q, sort, desc,
/// page, pageSize</c>. Every bad value is named at once (400), so nothing is guessed and nothing is read.
/// </summary>
internal static class RegisterQueryString
{
    public const int MaxTextLength = 200;

    public static (RegisterFilter Filter, IReadOnlyList<DomainError> Errors) Parse(IQueryCollection query, IReadOnlyCollection<string> bandIds)
    {
        var errors = new List<DomainError>();
        string? Text(string name)
        {
            var value = query[name].ToString().Trim();
            if (value.Length > MaxTextLength)
            {
                errors.Add(Invalid(name, value[..20] + "…"));
                return null;
            }

            return value.Length == 0 ? null : value;
        }

        var band = Text("band");
        if (band is not null && !bandIds.Contains(band, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(Invalid("band", band));
        }

        AssessmentState? status = null;
        if (Text("status") is { } statusText)
        {
            if (Enum.TryParse<AssessmentState>(statusText, ignoreCase: true, out var parsed) && !int.TryParse(statusText, out _))
            {
                status = parsed;
            }
            else
            {
                errors.Add(Invalid("status", statusText));
            }
        }

        var sort = RegisterSort.System;
        if (Text("sort") is { } sortText && (!Enum.TryParse(sortText, ignoreCase: true, out sort) || int.TryParse(sortText, out _)))
        {
            errors.Add(Invalid("sort", sortText));
        }

        var descending = false;
        if (Text("desc") is { } descText && !bool.TryParse(descText, out descending))
        {
            errors.Add(Invalid("desc", descText));
        }

        var page = Number("page", 1, int.MaxValue, 1);
        var pageSize = Number("pageSize", 1, RegisterFilter.MaxPageSize, RegisterFilter.DefaultPageSize);
        var filter = new RegisterFilter(Text("department"), band, status, Text("round"), Text("owner"), Text("q"), sort, descending, page, pageSize);
        return (filter, errors);

        int Number(string name, int min, int max, int fallback)
        {
            var text = Text(name);
            if (text is null)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            errors.Add(DomainError.Of("api.query_out_of_range", ("name", name), ("value", text), ("min", min), ("max", max)));
            return fallback;
        }
    }

    private static DomainError Invalid(string name, string value) => DomainError.Of("api.query_invalid", ("name", name), ("value", value));
}
