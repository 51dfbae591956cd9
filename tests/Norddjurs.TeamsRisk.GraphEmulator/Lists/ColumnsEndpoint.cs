using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Lists;

/// <summary><c>…/lists/{list}/columns[/{column}]</c>: add, read, change, remove (§2.3).</summary>
internal static class ColumnsEndpoint
{
    public static EmulatorResponse Handle(RequestContext context, ListState list, IReadOnlyList<string> rest)
    {
        if (rest.Count == 0)
        {
            switch (context.Method)
            {
                case "GET":
                    var showHidden = context.Target.Option("$select")?.Contains("hidden", StringComparison.OrdinalIgnoreCase) == true;
                    var columns = list.Columns.Where(c => showHidden || !c.Hidden).Select(c => (JsonNode)c.ToJson()).ToArray();
                    return EmulatorResponse.Json(200, new JsonObject { ["value"] = new JsonArray(columns) });
                case "POST":
                    var column = ColumnRules.Create(list, Json.ParseObject(context.Request.Body));
                    list.Columns.Add(column);
                    list.Touch(context.Now);
                    return EmulatorResponse.Json(201, column.ToJson());
                default:
                    throw context.Unsupported();
            }
        }
        var existing = list.Columns.FirstOrDefault(c => string.Equals(c.Id.ToString(), rest[0], StringComparison.OrdinalIgnoreCase))
            ?? list.Column(rest[0])
            ?? throw GraphException.NotFound(rest[0]);
        switch (context.Method)
        {
            case "GET":
                return EmulatorResponse.Json(200, existing.ToJson());
            case "PATCH":
                ColumnRules.Patch(list, existing, Json.ParseObject(context.Request.Body));
                list.Touch(context.Now);
                return EmulatorResponse.Json(200, existing.ToJson());
            case "DELETE":
                if (existing.ReadOnly || existing.Name == "Title")
                {
                    throw new GraphException(400, "invalidRequest", $"The column '{existing.Name}' cannot be deleted.");
                }
                list.Columns.Remove(existing);
                foreach (var item in list.Items.Values)
                {
                    item.Values.Remove(existing.FieldKey);
                }
                list.Touch(context.Now);
                return EmulatorResponse.NoContent();
            default:
                throw context.Unsupported();
        }
    }
}
