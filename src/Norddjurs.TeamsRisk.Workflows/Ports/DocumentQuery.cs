namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// Equality filters on a kind's index names (all must match), ordered by id, one page at a time. The token is
/// opaque: pass the previous page's <see cref="DocumentPage.ContinuationToken"/> to read on.
/// </summary>
public sealed record DocumentQuery(IReadOnlyDictionary<string, string> Filters, int PageSize = DocumentQuery.DefaultPageSize, string? ContinuationToken = null)
{
    public const int DefaultPageSize = 100;

    /// <summary>SharePoint pages at most 5000 items; the bound keeps both stores alike.</summary>
    public const int MaxPageSize = 1000;

    public static DocumentQuery All(int pageSize = DefaultPageSize) => new(new Dictionary<string, string>(), pageSize);

    public static DocumentQuery Where(string index, string value, int pageSize = DefaultPageSize) =>
        new(new Dictionary<string, string> { [index] = value }, pageSize);
}

/// <summary>One page of a query; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record DocumentPage(IReadOnlyList<StoredDocument> Items, string? ContinuationToken);
