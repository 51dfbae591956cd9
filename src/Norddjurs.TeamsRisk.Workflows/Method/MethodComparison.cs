using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Workflows.Method;

/// <summary>One value that differs between two documents, at a JSON path as the loaders name it (<c>$.bands[2].color</c>); null where the path is absent.</summary>
public sealed record ValueDifference(string Path, string? Active, string? Draft);

/// <summary>
/// What a draft changes against the active version, value by value, so the coordinator (and the board approving it)
/// sees every change, also those made in the JSON editor. Objects are walked by name and arrays by position; an array
/// of plain values (a list of decisions, say) is one value.
/// </summary>
public static class MethodComparison
{
    public static IReadOnlyList<ValueDifference> Compare(JsonNode? active, JsonNode? draft)
    {
        var differences = new List<ValueDifference>();
        Walk("$", active, draft, differences);
        return differences;
    }

    /// <summary>A leaf as it reads: strings as they are, everything else as compact JSON.</summary>
    public static string? Display(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();

    private static void Walk(string path, JsonNode? active, JsonNode? draft, List<ValueDifference> differences)
    {
        if (active is JsonObject a && draft is JsonObject d)
        {
            foreach (var name in a.Select(p => p.Key).Union(d.Select(p => p.Key), StringComparer.Ordinal))
            {
                Walk($"{path}.{name}", a[name], d[name], differences);
            }
        }
        else if (active is JsonArray aa && draft is JsonArray da && (HasObjects(aa) || HasObjects(da)))
        {
            for (var i = 0; i < Math.Max(aa.Count, da.Count); i++)
            {
                Walk($"{path}[{i}]", i < aa.Count ? aa[i] : null, i < da.Count ? da[i] : null, differences);
            }
        }
        else if (!JsonNode.DeepEquals(active, draft))
        {
            differences.Add(new ValueDifference(path, Display(active), Display(draft)));
        }
    }

    private static bool HasObjects(JsonArray array) => array.Any(item => item is JsonObject);
}
