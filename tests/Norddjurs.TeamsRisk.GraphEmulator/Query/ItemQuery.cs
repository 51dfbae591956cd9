using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Items;
using Norddjurs.TeamsRisk.GraphEmulator.Lists;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Query;

/// <summary>
/// <c>GET …/items</c> with the query semantics of §10.4: filter, orderby, the index rule (the Prefer header is
/// checked on every page), the list-view threshold, and paging through an absolute nextLink.
/// </summary>
internal static class ItemQuery
{
    public static EmulatorResponse Execute(RequestContext context, ListState list)
    {
        var target = context.Target;
        if (target.Has("$count"))
        {
            throw GraphException.Invalid("$count is not supported on this API. Only URLs returned by the API can be used to page.");
        }
        foreach (var rejected in new[] { "$skip", "$search" })
        {
            if (target.Has(rejected))
            {
                throw GraphException.Invalid($"{rejected} is not supported on this API. Only URLs returned by the API can be used to page.");
            }
        }
        var pageSize = PageSize(context);
        var filter = target.Option("$filter") is { Length: > 0 } text ? FilterParser.Parse(text) : null;
        var orderBy = OrderBy(target.Option("$orderby"));
        var referenced = (filter?.Fields() ?? []).Concat(orderBy.Select(o => o.Field)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var notIndexed = referenced.Select(f => Resolve(list, f)).Where(r => !IsIndexed(context, r)).ToList();
        if (notIndexed.Count > 0 && !context.PrefersNonIndexedQueries)
        {
            var name = notIndexed[0].Column!.Name;
            throw GraphException.Invalid(
                $"Field '{name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: {RequestContext.PreferNonIndexed}' header to allow this, but be warned that such queries may fail on large lists.");
        }
        if (notIndexed.Count > 0 && list.Items.Count > context.Options.ListViewThreshold)
        {
            throw Threshold(context);
        }
        IEnumerable<ItemState> matches = list.Items.Values;
        if (filter is not null)
        {
            matches = matches.Where(item => filter.Matches(field => ValueOf(list, item, Resolve(list, field))));
        }
        var all = matches.ToList();
        if (filter is not null && orderBy.Count > 0 && all.Count > context.Options.ListViewThreshold)
        {
            throw Threshold(context);
        }
        if (orderBy.Count > 0)
        {
            all.Sort((a, b) =>
            {
                foreach (var (field, descending) in orderBy)
                {
                    var resolved = Resolve(list, field);
                    var order = Compare.SortCompare(ValueOf(list, a, resolved), ValueOf(list, b, resolved));
                    if (order != 0)
                    {
                        return descending ? -order : order;
                    }
                }
                return a.Id.CompareTo(b.Id);
            });
        }
        var skip = SkipToken.Decode(target.Option("$skiptoken"));
        var start = skip is not { } token ? 0 : orderBy.Count > 0 ? token.Offset : all.FindIndex(i => i.Id > token.LastId);
        start = start < 0 ? all.Count : start;
        var page = all.Skip(start).Take(pageSize).ToList();
        var expand = Projection(context, list);
        var select = Select(context);
        var body = new JsonObject
        {
            ["value"] = new JsonArray(page.Select(i => (JsonNode)ItemJson.Item(list, i, expand, select)).ToArray()),
        };
        if (start + page.Count < all.Count)
        {
            var next = new SkipToken(page[^1].Id, start + page.Count).Encode();
            var options = target.Query.Where(o => !string.Equals(o.Key, "$skiptoken", StringComparison.OrdinalIgnoreCase))
                .Append(new KeyValuePair<string, string>("$skiptoken", next));
            body["@odata.nextLink"] = context.Link(options);
        }
        return EmulatorResponse.Json(200, body);
    }

    public const int MaxLookupColumns = 12;

    /// <summary>The request's field projection, refusing more than 12 lookup-type columns in one query (§3.2).</summary>
    public static FieldProjection? Projection(RequestContext context, ListState list)
    {
        var projection = Fields(context.Target.Option("$expand"));
        var lookups = projection?.Selected?.Count(name => list.Column(name) is { IsLookupType: true } || list.ColumnForKey(name) is { IsLookupType: true }) ?? 0;
        if (lookups > MaxLookupColumns)
        {
            throw GraphException.Invalid($"The query selects {lookups} lookup columns; at most {MaxLookupColumns} are allowed.");
        }
        return projection;
    }

    /// <summary><c>fields</c> or <c>fields($select=A,B)</c> inside <c>$expand</c>; null when fields are not expanded.</summary>
    public static FieldProjection? Fields(string? expand)
    {
        if (expand is null)
        {
            return null;
        }
        foreach (var part in TopLevel(expand))
        {
            var trimmed = part.Trim();
            if (string.Equals(trimmed, "fields", StringComparison.OrdinalIgnoreCase))
            {
                return FieldProjection.All;
            }
            if (trimmed.StartsWith("fields(", StringComparison.OrdinalIgnoreCase) && trimmed.EndsWith(')'))
            {
                var inner = trimmed["fields(".Length..^1];
                foreach (var option in inner.Split(';'))
                {
                    var pair = option.Split('=', 2);
                    if (pair.Length == 2 && pair[0].Trim().TrimStart('$').Equals("select", StringComparison.OrdinalIgnoreCase))
                    {
                        return new FieldProjection(pair[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    }
                }
                return FieldProjection.All;
            }
        }
        return null;
    }

    public static IReadOnlyCollection<string>? Select(RequestContext context) =>
        context.Target.Option("$select")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A filter/orderby path: <c>id</c>, or <c>fields/{name}</c> naming a column.</summary>
    internal readonly record struct ResolvedField(bool IsId, ColumnState? Column);

    internal static ResolvedField Resolve(ListState list, string path)
    {
        var name = path.StartsWith("fields/", StringComparison.OrdinalIgnoreCase) ? path["fields/".Length..] : path;
        if (BuiltInColumns.IsId(name))
        {
            return new ResolvedField(true, null);
        }
        if (!path.StartsWith("fields/", StringComparison.OrdinalIgnoreCase))
        {
            throw GraphException.Invalid($"Filtering or sorting on '{path}' is not supported; use fields/{{name}} or id.");
        }
        var column = list.ColumnForKey(name) ?? list.Column(name) ?? throw GraphException.Invalid($"Field '{name}' does not exist in the list.");
        return new ResolvedField(false, column);
    }

    internal static FieldValue ValueOf(ListState list, ItemState item, ResolvedField field)
    {
        if (field.IsId)
        {
            return new FieldValue(JsonValue.Create(item.Id), "id");
        }
        var column = field.Column!;
        var value = ItemJson.BuiltIn(item, column.FieldKey) ?? (item.Values.TryGetValue(column.FieldKey, out var stored) ? stored : null);
        return new FieldValue(value, column.FacetName);
    }

    private static bool IsIndexed(RequestContext context, ResolvedField field) =>
        field.IsId
        || field.Column!.Indexed
        || (context.Options.CreatedAndModifiedIndexed && field.Column.Name is "Created" or "Modified");

    private static int PageSize(RequestContext context)
    {
        var top = context.Target.Option("$top");
        if (top is null)
        {
            return context.Options.DefaultPageSize;
        }
        if (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
        {
            throw GraphException.Invalid($"Invalid $top value '{top}'.");
        }
        return Math.Min(size, context.Options.MaxPageSize); // larger values are capped silently (§4.2)
    }

    private static List<(string Field, bool Descending)> OrderBy(string? orderBy) =>
        orderBy is null
            ? []
            : orderBy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(part => part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(words => (words[0], words.Length > 1 && string.Equals(words[1], "desc", StringComparison.OrdinalIgnoreCase)))
                .ToList();

    private static IEnumerable<string> TopLevel(string value)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            depth += value[i] == '(' ? 1 : value[i] == ')' ? -1 : 0;
            if (value[i] == ',' && depth == 0)
            {
                yield return value[start..i];
                start = i + 1;
            }
        }
        yield return value[start..];
    }

    private static GraphException Threshold(RequestContext context) =>
        new(context.Options.ThresholdStatus, context.Options.ThresholdCode,
            "The attempted operation is prohibited because it exceeds the list view threshold.");
}
