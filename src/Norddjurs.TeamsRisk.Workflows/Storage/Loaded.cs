using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Workflows.Storage;

/// <summary>A typed document with the stored form it came from, whose version the next write must name.</summary>
public sealed record Loaded<T>(T Value, StoredDocument Document)
{
    public DocumentWrite Update(T value, IReadOnlyDictionary<string, string>? index = null) =>
        DocumentWrite.Update(Document, StoreJson.Serialize(value), index);
}

public static class TypedReads
{
    public static async Task<Loaded<T>?> LoadAsync<T>(this IDocumentStore store, string kind, string id, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(kind, id, cancellationToken).ConfigureAwait(false);
        return document is null ? null : new Loaded<T>(StoreJson.Deserialize<T>(document.Json), document);
    }

    /// <summary>Every match, page after page: for the small sets a use case needs (one system's assessments, one assessment's measures).</summary>
    public static async Task<IReadOnlyList<Loaded<T>>> LoadAllAsync<T>(
        this IDocumentStore store, string kind, IReadOnlyDictionary<string, string> filters, CancellationToken cancellationToken)
    {
        var all = new List<Loaded<T>>();
        string? token = null;
        do
        {
            var page = await store.QueryAsync(kind, new DocumentQuery(filters, DocumentQuery.MaxPageSize, token), cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items.Select(d => new Loaded<T>(StoreJson.Deserialize<T>(d.Json), d)));
            token = page.ContinuationToken;
        }
        while (token is not null);

        return all;
    }

    public static Task<IReadOnlyList<Loaded<T>>> LoadAllAsync<T>(this IDocumentStore store, string kind, string index, string value, CancellationToken cancellationToken) =>
        store.LoadAllAsync<T>(kind, new Dictionary<string, string> { [index] = value }, cancellationToken);

    /// <summary>
    /// Every match of <paramref name="index"/> = each of <paramref name="values"/>, read together (<see cref="IDocumentStore.QueryManyAsync"/>):
    /// one answer per value, in their order. For a list over many systems, whose reads one after another would not fit a card action.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<Loaded<T>>>> LoadAllManyAsync<T>(
        this IDocumentStore store, string kind, string index, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(values);
        var answers = await store.QueryManyAsync([.. values.Select(v => FilteredQuery.Where(kind, index, v))], DocumentQuery.MaxPageSize, cancellationToken).ConfigureAwait(false);
        return [.. answers.Select(documents => (IReadOnlyList<Loaded<T>>)[.. documents.Select(d => new Loaded<T>(StoreJson.Deserialize<T>(d.Json), d))])];
    }
}
