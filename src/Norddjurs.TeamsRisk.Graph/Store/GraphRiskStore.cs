using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// The store contract on SharePoint lists through Graph (design.md §1, §2; graph-sharepoint.md). No transactions: a change
/// writes its first item with If-Match carrying the change's pending writes, then the rest in one <c>$batch</c> chain whose
/// creates are idempotent by OperationId; the applied-change row is the commit point. Readers and the dispatcher ignore
/// what is not confirmed; <see cref="RecoverAsync"/> finishes what a crash left pending.
/// </summary>
public sealed partial class GraphRiskStore : IRiskStore
{
    private const int CommittedCacheLimit = 10_000;

    private readonly GraphGateway _graph;
    private readonly TimeProvider _time;
    private readonly string _siteId;
    private readonly IReadOnlyDictionary<string, string> _listIds;

    // The status of a create that hits an enforceUniqueValues column: an idempotent create that exists already (§7.7).
    private readonly int _duplicate;

    // Keys known to be committed: a committed change stays committed until its record is pruned weeks later.
    private readonly ConcurrentDictionary<string, bool> _committed = new(StringComparer.Ordinal);
    private readonly DocumentCache _cache;

    private GraphRiskStore(GraphGateway graph, TimeProvider time, string siteId, IReadOnlyDictionary<string, string> listIds, int duplicate)
    {
        _duplicate = duplicate;
        _graph = graph;
        _time = time;
        _siteId = siteId;
        _listIds = listIds;
        _cache = new DocumentCache(time);
    }

    /// <summary>
    /// Resolves the site from <see cref="GraphStoreOptions.SiteUrl"/>, reads the TeamsRiskConfig list for the provisioned
    /// schema version and every list's id, and refuses to start against a site provisioned for an older schema.
    /// The client is built elsewhere (credentials never here).
    /// </summary>
    public static async Task<GraphRiskStore> OpenAsync(GraphServiceClient client, GraphStoreOptions options, TimeProvider? time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        // Waits for Retry-After run on real time: the store's clock only stamps what it writes.
        var graph = new GraphGateway(client, TimeProvider.System);
        var siteId = await ResolveSiteAsync(graph, options.SiteUrl, cancellationToken).ConfigureAwait(false);
        var config = await ReadConfigAsync(graph, siteId, options.SiteUrl, cancellationToken).ConfigureAwait(false);
        if (!config.TryGetValue(ListSchema.SchemaVersionConfigKey, out var version) || !int.TryParse(version, out var provisioned) || provisioned < ListSchema.Version)
        {
            throw new InvalidOperationException(
                $"The site {options.SiteUrl} is provisioned for schema version {version ?? "none"}; this app needs {ListSchema.Version}. Run `provision` first.");
        }

        var listIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var list in ListSchema.Lists.Where(l => l.Key != ListSchema.ConfigListKey))
        {
            listIds[list.Key] = config.GetValueOrDefault(ListSchema.ListConfigKey(list.Key))
                ?? throw new InvalidOperationException($"The site {options.SiteUrl} has no id for list '{list.Key}'. Run `provision` first.");
        }

        return new GraphRiskStore(graph, time ?? TimeProvider.System, siteId, listIds, options.UniqueViolationStatus);
    }

    private static async Task<string> ResolveSiteAsync(GraphGateway graph, string siteUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(siteUrl, UriKind.Absolute, out var url))
        {
            throw new InvalidOperationException($"Storage:SharePoint:SiteUrl '{siteUrl}' is not an absolute URL.");
        }

        // The documented host:/path form (§1.2), resolved once; everything after goes by id (§1.5).
        var site = await graph.SendAsync(new GraphRequest("GET", $"/sites/{url.Host}:{url.AbsolutePath.TrimEnd('/')}?$select=id"), cancellationToken).ConfigureAwait(false);
        return site?["id"]?.GetValue<string>() ?? throw new InvalidOperationException($"The site {siteUrl} was not found.");
    }

    private static async Task<Dictionary<string, string>> ReadConfigAsync(GraphGateway graph, string siteId, string siteUrl, CancellationToken cancellationToken)
    {
        var lists = await graph.SendAsync(
            new GraphRequest("GET", $"/sites/{siteId}/lists?$filter={Uri.EscapeDataString($"displayName eq '{ListSchema.ConfigListKey}'")}&$select=id,displayName"),
            cancellationToken).ConfigureAwait(false);
        var configListId = lists?["value"]?.AsArray().FirstOrDefault()?["id"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"The site {siteUrl} has no {ListSchema.ConfigListKey} list. Run `provision` first.");

        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        string? url = $"/sites/{siteId}/lists/{configListId}/items?$expand=fields($select={ColumnNames.ConfigKey},{ColumnNames.ConfigValue})&$top=500";
        while (url is not null)
        {
            var page = await graph.SendAsync(new GraphRequest("GET", url), cancellationToken).ConfigureAwait(false);
            foreach (var item in ItemRecord.ParseMany(page))
            {
                if (item.Text(ColumnNames.ConfigKey) is { } key)
                {
                    config[key] = item.Text(ColumnNames.ConfigValue) ?? string.Empty;
                }
            }

            url = page?["@odata.nextLink"]?.GetValue<string>();
        }

        return config;
    }

    private string ItemsUrl(string listKey) => $"/sites/{_siteId}/lists/{_listIds[listKey]}/items";

    private string ItemUrl(string listKey, int itemId) => $"{ItemsUrl(listKey)}/{itemId}";

    /// <summary>
    /// A query over one list: at most one indexed condition server-side (§4.1), the app's columns projected
    /// (<c>$expand=fields($select=…)</c>), optionally sorted by an indexed column.
    /// </summary>
    private string QueryUrl(string listKey, string? filter = null, string? orderBy = null, int? top = null)
    {
        var columns = string.Join(',', ListSchema.Get(listKey).Columns.Select(c => c.Name));
        var url = new StringBuilder(ItemsUrl(listKey)).Append("?$expand=").Append(Uri.EscapeDataString($"fields($select={columns})"));
        if (filter is not null)
        {
            url.Append("&$filter=").Append(Uri.EscapeDataString(filter));
        }

        if (orderBy is not null)
        {
            url.Append("&$orderby=").Append(Uri.EscapeDataString(orderBy));
        }

        if (top is { } t)
        {
            url.Append("&$top=").Append(t);
        }

        return url.ToString();
    }

    private static string Eq(string column, string value) => $"fields/{column} eq '{value.Replace("'", "''", StringComparison.Ordinal)}'";

    private async Task<ItemRecord?> FindAsync(string listKey, string column, string value, CancellationToken cancellationToken)
    {
        var page = await _graph.SendAsync(new GraphRequest("GET", QueryUrl(listKey, Eq(column, value), top: 2)), cancellationToken).ConfigureAwait(false);
        return ItemRecord.ParseMany(page).FirstOrDefault();
    }

    /// <summary>Every item of a query, following <c>@odata.nextLink</c> (never a built skip token, §4.3).</summary>
    private async Task<List<ItemRecord>> ReadAllAsync(string url, CancellationToken cancellationToken)
    {
        var items = new List<ItemRecord>();
        string? next = url;
        while (next is not null)
        {
            var page = await _graph.SendAsync(new GraphRequest("GET", next), cancellationToken).ConfigureAwait(false);
            items.AddRange(ItemRecord.ParseMany(page));
            next = page?["@odata.nextLink"]?.GetValue<string>();
        }

        return items;
    }

    /// <summary>
    /// What readers see of an item (design.md §2.3): confirmed fields as they are; an item of an unconfirmed change as it
    /// was before (its <c>Previous</c> values), or nothing when the change created it.
    /// </summary>
    private async Task<JsonObject?> VisibleAsync(ItemRecord item, CancellationToken cancellationToken) =>
        Visible(item, committed: !item.Pending || item.ChangeKey is not { } key || await IsCommittedAsync(key, cancellationToken).ConfigureAwait(false));

    /// <summary>What readers see of an item whose change is known to be <paramref name="committed"/> or not.</summary>
    private static JsonObject? Visible(ItemRecord item, bool committed)
    {
        if (committed)
        {
            return item.Fields;
        }

        if (item.Text(ColumnNames.Previous) is not { Length: > 0 } previous)
        {
            return null;
        }

        var visible = (JsonObject)item.Fields.DeepClone();
        foreach (var (name, value) in JsonNode.Parse(previous)!.AsObject())
        {
            visible[name] = value?.DeepClone();
        }

        return visible;
    }

    /// <summary>A change is committed once its applied-change row exists (the commit point).</summary>
    private async Task<bool> IsCommittedAsync(string changeKey, CancellationToken cancellationToken)
    {
        if (_committed.ContainsKey(changeKey))
        {
            return true;
        }

        var committed = await FindAsync(ListSchema.AppliedChangesKey, ColumnNames.OperationId, changeKey, cancellationToken).ConfigureAwait(false) is not null;
        if (committed)
        {
            RememberCommitted(changeKey);
        }

        return committed;
    }

    private void RememberCommitted(string changeKey)
    {
        if (_committed.Count > CommittedCacheLimit)
        {
            _committed.Clear();
        }

        _committed[changeKey] = true;
    }

    /// <summary>The fields that clear an item's pending marks once its change is confirmed.</summary>
    private static JsonObject Cleared(bool withManifest)
    {
        var fields = new JsonObject { [ColumnNames.Pending] = false, [ColumnNames.ChangeKey] = null };
        if (withManifest)
        {
            fields[ColumnNames.PendingWrites] = null;
            fields[ColumnNames.Previous] = null;
        }

        return fields;
    }

    private static string ListKeyOf(string kind) =>
        ListSchema.DocumentListKeys.TryGetValue(kind, out var key) ? key : throw new ArgumentException($"Unknown document kind '{kind}'.", nameof(kind));
}
