using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Norddjurs.TeamsRisk.GraphEmulator.Items;
using Norddjurs.TeamsRisk.GraphEmulator.Query;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;
using Norddjurs.TeamsRisk.GraphEmulator.Sites;

namespace Norddjurs.TeamsRisk.GraphEmulator.Lists;

/// <summary><c>/sites/{site}/lists[/{list}]</c> (§1.4, §2.1) and the hand-off to columns and items.</summary>
internal static partial class ListsEndpoint
{
    public static EmulatorResponse Handle(RequestContext context, SiteState site, IReadOnlyList<string> rest)
    {
        if (rest.Count == 0)
        {
            return context.Method switch
            {
                "GET" => Collection(context, site),
                "POST" => Create(context, site),
                _ => throw context.Unsupported(),
            };
        }
        var list = Find(site, rest[0]) ?? throw GraphException.NotFound(rest[0]);
        if (rest.Count == 1)
        {
            switch (context.Method)
            {
                case "GET":
                    var json = list.ToJson(withColumns: ExpandsColumns(context));
                    if (ExpandedItems(context) is { Expanded: true } items)
                    {
                        json["items"] = new JsonArray(list.Items.Values.Select(i => (JsonNode)ItemJson.Item(list, i, items.Fields, null)).ToArray());
                    }
                    return EmulatorResponse.Json(200, json);
                case "DELETE":
                    site.Lists.Remove(list);
                    return EmulatorResponse.NoContent();
                default:
                    // There is no documented v1.0 list update (§1.4).
                    throw context.Unsupported();
            }
        }
        return rest[1] switch
        {
            "columns" => ColumnsEndpoint.Handle(context, list, rest.Skip(2).ToList()),
            "items" => ItemsEndpoint.Handle(context, list, rest.Skip(2).ToList()),
            _ => throw context.Unsupported(),
        };
    }

    /// <summary>A list by GUID or by title in the path (§1.4).</summary>
    public static ListState? Find(SiteState site, string idOrTitle) =>
        site.Lists.FirstOrDefault(l => string.Equals(l.Id.ToString(), idOrTitle, StringComparison.OrdinalIgnoreCase))
        ?? site.Lists.FirstOrDefault(l => string.Equals(l.DisplayName, idOrTitle, StringComparison.OrdinalIgnoreCase));

    private static bool ExpandsColumns(RequestContext context) =>
        context.Target.Option("$expand")?.Split(',').Any(e => e.Trim().StartsWith("columns", StringComparison.OrdinalIgnoreCase)) == true;

    /// <summary><c>$expand=items</c> or <c>items($expand=fields[(…)])</c> on a list (§10.2, optional).</summary>
    private static (bool Expanded, FieldProjection? Fields) ExpandedItems(RequestContext context)
    {
        var expand = context.Target.Option("$expand") ?? "";
        var match = ItemsExpand().Match(expand);
        if (!match.Success)
        {
            return (false, null);
        }
        return (true, match.Groups["fields"].Success ? ItemQuery.Fields(match.Groups["fields"].Value) : null);
    }

    [GeneratedRegex(@"(^|,)\s*items(\(\s*\$?expand=(?<fields>fields(\(.*\))?)\s*\))?\s*(,|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ItemsExpand();

    private static EmulatorResponse Collection(RequestContext context, SiteState site)
    {
        IEnumerable<ListState> lists = site.Lists;
        var select = context.Target.Option("$select");
        // System lists (the User Information List) only when 'system' is selected (§1.4).
        if (select is null || !select.Split(',').Any(s => string.Equals(s.Trim(), "system", StringComparison.OrdinalIgnoreCase)))
        {
            lists = lists.Where(l => !l.IsSystem);
        }
        if (context.Target.Option("$filter") is { } filter)
        {
            var match = DisplayNameFilter().Match(filter);
            if (!match.Success)
            {
                throw GraphException.Invalid("Only $filter=displayName eq '…' is supported on lists.");
            }
            var wanted = match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal);
            lists = lists.Where(l => string.Equals(l.DisplayName, wanted, StringComparison.OrdinalIgnoreCase));
        }
        var expandColumns = ExpandsColumns(context);
        var value = new JsonArray(lists.Select(l =>
        {
            var json = l.ToJson(expandColumns);
            if (l.IsSystem)
            {
                json["system"] = new JsonObject();
            }
            return (JsonNode)json;
        }).ToArray());
        return EmulatorResponse.Json(200, new JsonObject { ["value"] = value });
    }

    private static EmulatorResponse Create(RequestContext context, SiteState site)
    {
        var body = Json.ParseObject(context.Request.Body);
        if (Json.Has(body, "name"))
        {
            throw GraphException.Invalid("Cannot define a 'name' for a list as it is assigned by the server.");
        }
        var displayName = Json.String(body, "displayName");
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw GraphException.Invalid("A list needs a displayName.");
        }
        if (context.Options.RejectDuplicateListNames
            && site.Lists.Any(l => string.Equals(l.DisplayName, displayName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new GraphException(409, "nameAlreadyExists", "A list, survey, discussion board, or document library with the specified title already exists in this Web site.");
        }
        var template = (Json.Get(body, "list") as JsonObject) is { } facet ? Json.String(facet, "template") ?? "genericList" : "genericList";
        var list = new ListState(site, displayName, UrlName(site, displayName), template, context.Now);
        list.Columns.AddRange(BuiltInColumns.For(template));
        if (Json.Get(body, "columns") is JsonArray columns)
        {
            foreach (var column in columns)
            {
                list.Columns.Add(ColumnRules.Create(list, column as JsonObject ?? throw GraphException.Invalid("Each column must be an object.")));
            }
        }
        list.Description = Json.String(body, "description");
        site.Lists.Add(list);
        return EmulatorResponse.Json(201, list.ToJson(withColumns: false));
    }

    /// <summary>The URL leaf SharePoint assigns: the display name without characters a URL leaf cannot hold.</summary>
    private static string UrlName(SiteState site, string displayName)
    {
        var name = UrlUnsafe().Replace(displayName, "");
        name = name.Length == 0 ? "List" : name;
        var candidate = name;
        for (var n = 1; site.Lists.Any(l => string.Equals(l.Name, candidate, StringComparison.OrdinalIgnoreCase)); n++)
        {
            candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return candidate;
    }

    [GeneratedRegex(@"^\s*displayName\s+eq\s+'(?<value>(?:[^']|'')*)'\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DisplayNameFilter();

    [GeneratedRegex(@"[^\p{L}\p{N}_\-]")]
    private static partial Regex UrlUnsafe();
}
