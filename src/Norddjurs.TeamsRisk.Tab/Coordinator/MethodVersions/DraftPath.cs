using System.Globalization;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Tab.Coordinator.MethodVersions;

/// <summary>
/// Reads and writes a value in a JSON document at a path as the loaders report it (<c>$.bands[2].label.da</c>), so a
/// form field, the loader's problem and the list of changes all name the same place.
/// </summary>
public static class DraftPath
{
    public static JsonNode? Find(JsonNode? root, string path)
    {
        var node = root;
        foreach (var step in Steps(path))
        {
            node = step switch
            {
                int index when node is JsonArray array && index < array.Count => array[index],
                string name when node is JsonObject obj => obj[name],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>Replaces the value at an existing path; returns false (and changes nothing) when the path is not there.</summary>
    public static bool Replace(JsonNode root, string path, JsonNode? value)
    {
        var steps = Steps(path);
        var parent = steps.Count == 0 ? null : Find(root, Join(steps[..^1]));
        switch (steps.Count == 0 ? null : steps[^1])
        {
            case string name when parent is JsonObject obj && obj.ContainsKey(name):
                obj[name] = value;
                return true;
            case int index when parent is JsonArray array && index < array.Count:
                array[index] = value;
                return true;
            default:
                return false;
        }
    }

    /// <summary>An HTML id for the field at a path (<c>$.bands[2].color</c> → <c>m-bands-2-color</c>).</summary>
    public static string Id(string prefix, string path) =>
        prefix + "-" + string.Join("-", Steps(path).Select(s => Convert.ToString(s, CultureInfo.InvariantCulture)));

    private static List<object> Steps(string path)
    {
        var steps = new List<object>();
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            steps.Add(bracket < 0 ? part : part[..bracket]);
            for (var at = bracket; at >= 0; at = part.IndexOf('[', at + 1))
            {
                steps.Add(int.Parse(part[(at + 1)..part.IndexOf(']', at)], CultureInfo.InvariantCulture));
            }
        }

        return steps;
    }

    private static string Join(IEnumerable<object> steps) =>
        "$" + string.Concat(steps.Select(s => s is int i ? $"[{i.ToString(CultureInfo.InvariantCulture)}]" : $".{s}"));
}
