using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Norddjurs.TeamsRisk.GraphEmulator.Delta;
using Norddjurs.TeamsRisk.GraphEmulator.Lists;
using Norddjurs.TeamsRisk.GraphEmulator.Query;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Items;

/// <summary><c>…/lists/{list}/items[…]</c>: query, create, read, update with eTags, delete (§3, §5).</summary>
internal static partial class ItemsEndpoint
{
    public static EmulatorResponse Handle(RequestContext context, ListState list, IReadOnlyList<string> rest)
    {
        if (rest.Count == 0)
        {
            return context.Method switch
            {
                "GET" => ItemQuery.Execute(context, list),
                "POST" => Create(context, list),
                _ => throw context.Unsupported(),
            };
        }
        if (rest[0] == "$count")
        {
            throw GraphException.NotFound("$count"); // §4.2: the SDK has the builder; the service answers 404
        }
        if (DeltaSegment().Match(rest[0]) is { Success: true } delta && rest.Count == 1)
        {
            var token = delta.Groups["token"].Success ? delta.Groups["token"].Value : null;
            return context.Method == "GET" ? DeltaEndpoint.Execute(context, list, token) : throw context.Unsupported();
        }
        var item = Find(list, rest[0]);
        if (rest.Count == 1)
        {
            switch (context.Method)
            {
                case "GET":
                    var expand = ItemQuery.Projection(context, list);
                    return EmulatorResponse.Json(200, ItemJson.Item(list, item, expand, ItemQuery.Select(context)));
                case "PATCH":
                    CheckIfMatch(context, item);
                    var body = Json.ParseObject(context.Request.Body);
                    if (Json.Get(body, "fields") is JsonObject fields)
                    {
                        Write(context, list, item, fields, context.Caller);
                    }
                    return EmulatorResponse.Json(200, ItemJson.Item(list, item, FieldProjection.All, null));
                case "DELETE":
                    CheckIfMatch(context, item);
                    Delete(context, list, item);
                    return EmulatorResponse.NoContent();
                default:
                    throw context.Unsupported();
            }
        }
        if (rest.Count == 2 && rest[1] == "versions" && context.Method == "GET")
        {
            // Newest first, as SharePoint lists versions.
            var versions = item.History.AsEnumerable().Reverse().Select(v => (JsonNode)new JsonObject
            {
                ["id"] = v.Version.ToString(CultureInfo.InvariantCulture) + ".0",
                ["lastModifiedDateTime"] = Json.Instant(v.Modified),
                ["lastModifiedBy"] = v.Editor.ToIdentitySet(),
                ["fields"] = new JsonObject(v.Values.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
            });
            return EmulatorResponse.Json(200, new JsonObject { ["value"] = new JsonArray(versions.ToArray()) });
        }
        if (rest.Count == 2 && rest[1] == "fields")
        {
            switch (context.Method)
            {
                case "GET":
                    return EmulatorResponse.Json(200, ItemJson.Fields(list, item, FieldProjection.All));
                case "PATCH":
                    CheckIfMatch(context, item);
                    Write(context, list, item, Json.ParseObject(context.Request.Body), context.Caller);
                    // §3.3: the answer is the fieldValueSet, not the listItem.
                    return EmulatorResponse.Json(200, ItemJson.Fields(list, item, FieldProjection.All));
                default:
                    throw context.Unsupported();
            }
        }
        throw context.Unsupported();
    }

    public static ItemState Create(RequestContext context, ListState list, JsonObject fields, Actor actor)
    {
        var values = FieldWriter.Validate(context, list, null, fields);
        var item = new ItemState(++list.LastItemId, context.Now, actor) { ChangeSequence = ++list.ChangeSequence };
        foreach (var (key, value) in values.Where(v => v.Value is not null))
        {
            item.Values[key] = value;
        }
        list.Items.Add(item.Id, item);
        item.Snapshot();
        return item;
    }

    public static void Write(RequestContext context, ListState list, ItemState item, JsonObject fields, Actor actor)
    {
        var values = FieldWriter.Validate(context, list, item, fields);
        foreach (var (key, value) in values)
        {
            if (value is null)
            {
                item.Values.Remove(key);
            }
            else
            {
                item.Values[key] = value;
            }
        }
        item.Version++;
        item.Modified = context.Now;
        item.Editor = actor;
        item.ChangeSequence = ++list.ChangeSequence;
        item.Snapshot();
    }

    public static void Delete(RequestContext context, ListState list, ItemState item)
    {
        list.Items.Remove(item.Id);
        list.Tombstones.Add(new Tombstone(item.Id, ++list.ChangeSequence, context.Now));
    }

    private static EmulatorResponse Create(RequestContext context, ListState list)
    {
        var body = Json.ParseObject(context.Request.Body);
        var fields = Json.Get(body, "fields") as JsonObject ?? [];
        var item = Create(context, list, fields, context.Caller);
        return EmulatorResponse.Json(201, ItemJson.Item(list, item, FieldProjection.All, null));
    }

    private static ItemState Find(ListState list, string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && list.Items.TryGetValue(number, out var item)
            ? item
            : throw GraphException.NotFound(id);

    /// <summary>§5: the eTag exactly as sent (quotes optional), or <c>*</c>; a mismatch is 412 and nothing changes.</summary>
    private static void CheckIfMatch(RequestContext context, ItemState item)
    {
        var ifMatch = context.Request.Header("If-Match");
        if (ifMatch is null || ifMatch.Trim() == "*")
        {
            return;
        }
        var current = item.ETag.Trim('"');
        if (!string.Equals(ifMatch.Trim().Trim('"'), current, StringComparison.OrdinalIgnoreCase))
        {
            throw new GraphException(412, context.Options.PreconditionFailedCode, "The request ETag value does not match the object's ETag value.");
        }
    }

    [GeneratedRegex(@"^(microsoft\.graph\.)?delta(\((token='(?<token>[^']*)')?\))?$")]
    private static partial Regex DeltaSegment();
}
