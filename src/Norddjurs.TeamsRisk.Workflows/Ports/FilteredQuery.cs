namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// Every document of <see cref="Kind"/> matching every filter (equality on the kind's index names; none: the whole kind),
/// one of the queries <see cref="IDocumentStore.QueryManyAsync"/> reads together.
/// </summary>
public sealed record FilteredQuery(string Kind, IReadOnlyDictionary<string, string> Filters)
{
    public static FilteredQuery Where(string kind, string index, string value) =>
        new(kind, new Dictionary<string, string>(StringComparer.Ordinal) { [index] = value });
}

/// <summary>The checks every store makes of <see cref="IDocumentStore.QueryManyAsync"/>'s arguments before it reads anything.</summary>
public static class FilteredQueries
{
    /// <summary>Throws for a missing query, an unknown kind or index name (programming errors), or a page size out of range.</summary>
    public static void EnsureValid(IReadOnlyList<FilteredQuery> queries, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, DocumentQuery.MaxPageSize);
        foreach (var query in queries)
        {
            ArgumentNullException.ThrowIfNull(query, nameof(queries));
            ArgumentNullException.ThrowIfNull(query.Filters, nameof(queries));
            DocumentKinds.EnsureIndexNames(query.Kind, query.Filters.Keys);
        }
    }
}
