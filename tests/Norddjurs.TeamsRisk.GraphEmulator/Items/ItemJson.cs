using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Lists;

namespace Norddjurs.TeamsRisk.GraphEmulator.Items;

/// <summary>Which fields to include: none (no <c>$expand=fields</c>), all, or a <c>$select</c> projection (§3.2).</summary>
internal sealed record FieldProjection(IReadOnlyList<string>? Selected)
{
    public static readonly FieldProjection All = new((IReadOnlyList<string>?)null);
}

/// <summary>listItem and fieldValueSet JSON as Graph shapes them (§3.1, §10.3).</summary>
internal static class ItemJson
{
    private static readonly string[] DefaultBuiltIns =
    [
        "id", "ContentType", "Created", "Modified", "AuthorLookupId", "EditorLookupId", "_UIVersionString", "Attachments",
        "Edit", "LinkTitleNoMenu", "LinkTitle", "ItemChildCount", "FolderChildCount", "AppAuthorLookupId", "AppEditorLookupId",
    ];

    public static JsonObject Item(ListState list, ItemState item, FieldProjection? fields, IReadOnlyCollection<string>? select)
    {
        var json = new JsonObject
        {
            ["@odata.etag"] = item.ETag,
            ["eTag"] = item.ETag,
            ["id"] = Id(item),
            ["createdDateTime"] = Json.Instant(item.Created),
            ["lastModifiedDateTime"] = Json.Instant(item.Modified),
            ["webUrl"] = $"{list.WebUrl}/{item.Id}_.000",
            ["createdBy"] = item.Author.ToIdentitySet(),
            ["lastModifiedBy"] = item.Editor.ToIdentitySet(),
            ["parentReference"] = new JsonObject { ["id"] = list.Id.ToString(), ["siteId"] = list.Site.Id },
            ["contentType"] = new JsonObject { ["id"] = "0x0100", ["name"] = "Item" },
        };
        if (select is { Count: > 0 })
        {
            foreach (var key in json.Select(p => p.Key).ToList())
            {
                if (key != "@odata.etag" && !select.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    json.Remove(key);
                }
            }
        }
        if (fields is not null)
        {
            json["fields"] = Fields(list, item, fields);
        }
        return json;
    }

    public static JsonObject Fields(ListState list, ItemState item, FieldProjection projection)
    {
        var json = new JsonObject { ["@odata.etag"] = item.ETag };
        if (projection.Selected is { } selected)
        {
            foreach (var name in selected)
            {
                var column = list.ColumnForKey(name) ?? list.Column(name);
                var key = column?.FieldKey ?? name;
                var value = BuiltIn(item, key) ?? (item.Values.TryGetValue(key, out var stored) ? stored?.DeepClone() : null);
                if (value is not null)
                {
                    json[column?.FieldKey ?? name] = value;
                }
                // A person/lookup column named by its own name also gets its display value (§3.2).
                if (column is { IsLookupType: true } && string.Equals(name, column.Name, StringComparison.OrdinalIgnoreCase) && value is not null)
                {
                    json[column.Name] = value is JsonArray ids
                        ? new JsonArray(ids.Select(id => (JsonNode)LookupValue(list, column, id)).ToArray())
                        : LookupValue(list, column, value);
                }
            }
            return json;
        }
        if (list.Column("Title") is not null && item.Values.TryGetValue("Title", out var title) && title is not null)
        {
            json["Title"] = title.DeepClone();
        }
        foreach (var key in DefaultBuiltIns)
        {
            json[key] = BuiltIn(item, key);
        }
        foreach (var column in list.Columns.Where(c => !c.ReadOnly && !c.Hidden && c.Name != "Title"))
        {
            if (item.Values.TryGetValue(column.FieldKey, out var value) && value is not null)
            {
                json[column.FieldKey] = value.DeepClone();
            }
        }
        return json;
    }

    /// <summary>
    /// <c>{ LookupId, LookupValue, Email }</c> for a person (LookupValue = the UIL entry), <c>{ LookupId, LookupValue }</c>
    /// for a lookup (LookupValue = the source item's looked-up column). The exact shape Graph uses is [community].
    /// </summary>
    private static JsonObject LookupValue(ListState list, ColumnState column, JsonNode? idNode)
    {
        var id = int.Parse(idNode!.ToString(), CultureInfo.InvariantCulture);
        if (column.Is(ColumnFacets.PersonOrGroup))
        {
            var user = list.Site.UserInformation.GetValueOrDefault(id) ?? "";
            return new JsonObject { ["LookupId"] = id, ["LookupValue"] = user, ["Email"] = user };
        }
        var source = list.Site.Lists.FirstOrDefault(l => string.Equals(l.Id.ToString(), Json.String(column.Facet, "listId"), StringComparison.OrdinalIgnoreCase));
        var shown = Json.String(column.Facet, "columnName") ?? "Title";
        var item = source?.Items.GetValueOrDefault(id);
        return new JsonObject { ["LookupId"] = id, ["LookupValue"] = item?.Values.GetValueOrDefault(shown)?.DeepClone() };
    }

    /// <summary>Values SharePoint keeps itself; null when <paramref name="key"/> is not one of them.</summary>
    public static JsonNode? BuiltIn(ItemState item, string key) => key.ToUpperInvariant() switch
    {
        "ID" => Id(item),
        "CONTENTTYPE" => "Item",
        "CREATED" => Json.Instant(item.Created),
        "MODIFIED" => Json.Instant(item.Modified),
        "AUTHORLOOKUPID" => item.Author.LookupId.ToString(CultureInfo.InvariantCulture),
        "EDITORLOOKUPID" => item.Editor.LookupId.ToString(CultureInfo.InvariantCulture),
        "APPAUTHORLOOKUPID" => item.Author.IsApplication ? item.Author.LookupId.ToString(CultureInfo.InvariantCulture) : null,
        "APPEDITORLOOKUPID" => item.Editor.IsApplication ? item.Editor.LookupId.ToString(CultureInfo.InvariantCulture) : null,
        "_UIVERSIONSTRING" => item.Version.ToString(CultureInfo.InvariantCulture) + ".0",
        "ATTACHMENTS" => false,
        "EDIT" => "",
        "LINKTITLENOMENU" or "LINKTITLE" => item.Values.TryGetValue("Title", out var title) ? title?.DeepClone() : "",
        "ITEMCHILDCOUNT" or "FOLDERCHILDCOUNT" => "0",
        _ => null,
    };

    private static string Id(ItemState item) => item.Id.ToString(CultureInfo.InvariantCulture);
}
