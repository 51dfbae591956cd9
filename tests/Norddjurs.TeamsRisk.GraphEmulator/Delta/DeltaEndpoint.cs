using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Items;
using Norddjurs.TeamsRisk.GraphEmulator.Lists;
using Norddjurs.TeamsRisk.GraphEmulator.Query;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Delta;

/// <summary>
/// <c>…/items/delta</c> (§4.5, §10.4): a first round enumerates current items; later rounds return each changed
/// item in its latest state and a <c>deleted</c> tombstone per removed item; pages end with a deltaLink.
/// </summary>
internal static class DeltaEndpoint
{
    private const string Segment = "delta()";

    public static EmulatorResponse Execute(RequestContext context, ListState list, string? pathToken)
    {
        Prune(context, list);
        var token = pathToken ?? context.Target.Option("token");
        var keep = context.Target.Query
            .Where(o => o.Key is not ("token" or "$skiptoken"))
            .ToList();
        if (string.Equals(token, "latest", StringComparison.OrdinalIgnoreCase))
        {
            return Page([], deltaLink: context.Link(keep.Append(new("token", DeltaToken.ForDeltaLink(list.ChangeSequence))), Segment));
        }
        long from;
        long upTo;
        var after = 0;
        if (context.Target.Option("$skiptoken") is { } skip)
        {
            var page = DeltaToken.Decode(skip);
            (from, upTo, after) = (page["from"], page["upTo"], (int)page["after"]);
        }
        else if (token is not null)
        {
            from = DeltaToken.Decode(token)["seq"];
            upTo = list.ChangeSequence;
        }
        else
        {
            from = -1; // a first round: every current item, no tombstones
            upTo = list.ChangeSequence;
        }
        if (from >= 0 && from < list.OldestServableSequence)
        {
            var resync = new GraphException(410, "resyncChangesApplyDifferences", "The delta token has expired; enumerate the list again.");
            resync.Headers["Location"] = context.Link(keep, Segment);
            throw resync;
        }
        var pageSize = Math.Min(
            int.TryParse(context.Target.Option("$top"), out var top) && top > 0 ? top : context.Options.DefaultPageSize,
            context.Options.MaxPageSize);
        var expand = ItemQuery.Projection(context, list);
        var select = ItemQuery.Select(context);
        var changes = list.Items.Values
            .Where(i => from < 0 || i.ChangeSequence > from)
            .Select(i => (i.Id, Json: (JsonNode)WithoutEditor(ItemJson.Item(list, i, expand, select))))
            .Concat(list.Tombstones.Where(t => from >= 0 && t.ChangeSequence > from).Select(t => (t.Id, Json: (JsonNode)Deleted(list, t))))
            .Where(c => c.Id > after)
            .OrderBy(c => c.Id)
            .ToList();
        var value = changes.Take(pageSize).ToList();
        if (changes.Count > pageSize)
        {
            var next = DeltaToken.ForPage(from, upTo, value[^1].Id);
            return Page(value.Select(v => v.Json), nextLink: context.Link(keep.Append(new("$skiptoken", next)), Segment));
        }
        return Page(value.Select(v => v.Json), deltaLink: context.Link(keep.Append(new("token", DeltaToken.ForDeltaLink(upTo))), Segment));
    }

    private static EmulatorResponse Page(IEnumerable<JsonNode> value, string? nextLink = null, string? deltaLink = null)
    {
        var body = new JsonObject { ["value"] = new JsonArray(value.ToArray()) };
        if (nextLink is not null)
        {
            body["@odata.nextLink"] = nextLink;
        }
        if (deltaLink is not null)
        {
            body["@odata.deltaLink"] = deltaLink;
        }
        return EmulatorResponse.Json(200, body);
    }

    /// <summary>Delta items carry no lastModifiedBy (§4.5).</summary>
    private static JsonObject WithoutEditor(JsonObject item)
    {
        item.Remove("lastModifiedBy");
        return item;
    }

    private static JsonObject Deleted(ListState list, Tombstone tombstone) =>
        new()
        {
            ["id"] = tombstone.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["parentReference"] = new JsonObject { ["siteId"] = list.Site.Id },
            ["deleted"] = new JsonObject { ["state"] = "deleted" },
        };

    /// <summary>Tombstones past the retention are dropped; tokens older than them can then only resync.</summary>
    private static void Prune(RequestContext context, ListState list)
    {
        var cutoff = context.Now - context.Options.TombstoneRetention;
        foreach (var old in list.Tombstones.Where(t => t.Deleted < cutoff).ToList())
        {
            list.Tombstones.Remove(old);
            list.OldestServableSequence = Math.Max(list.OldestServableSequence, old.ChangeSequence);
        }
    }
}
