using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Data;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Tests.Data;

/// <summary>
/// The shipped method and catalogue as editable JSON, so a test changes one field and loads the result.
/// Paths use the notation of <see cref="DataProblem.Path"/> (<c>$.bands[2].color</c>), so a test can set a
/// value at a path and expect the problem at the same path.
/// </summary>
internal static class Documents
{
    public static JsonObject Method() => JsonNode.Parse(DefaultMethod.Json())!.AsObject();

    public static JsonObject Catalogue() => JsonNode.Parse(DefaultCatalogue.Json())!.AsObject();

    public static LoadResult<RiskMethod> LoadMethod(Action<JsonObject> edit)
    {
        var document = Method();
        edit(document);
        return MethodLoader.Load(Bytes(document));
    }

    public static LoadResult<EventCatalogue> LoadCatalogue(Action<JsonObject> edit)
    {
        var document = Catalogue();
        edit(document);
        return CatalogueLoader.Load(Bytes(document));
    }

    public static byte[] Bytes(JsonNode node, bool indented = false) =>
        Encoding.UTF8.GetBytes(node.ToJsonString(new JsonSerializerOptions { WriteIndented = indented }));

    /// <summary>The node at a path such as <c>$.bands[2]</c>.</summary>
    public static JsonNode At(this JsonNode root, string path)
    {
        var node = root;
        foreach (var step in Steps(path))
        {
            node = step is int index ? node.AsArray()[index]! : node.AsObject()[(string)step]!;
        }

        return node;
    }

    /// <summary>Sets (or adds) the value at a path; <c>null</c> writes a JSON null.</summary>
    public static JsonNode Set(this JsonNode root, string path, JsonNode? value)
    {
        var (parent, last) = Parent(root, path);
        if (last is int index)
        {
            parent.AsArray()[index] = value;
        }
        else
        {
            parent.AsObject()[(string)last] = value;
        }

        return root;
    }

    /// <summary>Removes the member or array item at a path.</summary>
    public static JsonNode Delete(this JsonNode root, string path)
    {
        var (parent, last) = Parent(root, path);
        if (last is int index)
        {
            parent.AsArray().RemoveAt(index);
        }
        else
        {
            Assert.True(parent.AsObject().Remove((string)last), $"{path} is not in the document");
        }

        return root;
    }

    /// <summary>Appends an item to the array at a path.</summary>
    public static JsonNode Append(this JsonNode root, string path, JsonNode? item)
    {
        root.At(path).AsArray().Add(item);
        return root;
    }

    /// <summary>A copy of the node at a path, to put somewhere else.</summary>
    public static JsonNode CopyOf(this JsonNode root, string path) => root.At(path).DeepClone();

    private static (JsonNode Parent, object Last) Parent(JsonNode root, string path)
    {
        var steps = Steps(path);
        var parent = root;
        foreach (var step in steps[..^1])
        {
            parent = step is int index ? parent.AsArray()[index]! : parent.AsObject()[(string)step]!;
        }

        return (parent, steps[^1]);
    }

    private static object[] Steps(string path)
    {
        Assert.StartsWith("$", path, StringComparison.Ordinal);
        var steps = new List<object>();
        foreach (var part in path[1..].Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket != 0)
            {
                steps.Add(bracket < 0 ? part : part[..bracket]);
            }

            for (var rest = bracket < 0 ? string.Empty : part[bracket..]; rest.Length > 0; rest = rest[(rest.IndexOf(']', StringComparison.Ordinal) + 1)..])
            {
                steps.Add(int.Parse(rest[1..rest.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture));
            }
        }

        return [.. steps];
    }
}

/// <summary>Assertions on the problems a loader reports.</summary>
internal static class Problems
{
    /// <summary>The load failed and one of its problems has this code at this path.</summary>
    public static DataProblem Has<T>(LoadResult<T> result, string path, string code)
        where T : class
    {
        Assert.False(result.IsValid, $"Expected {code} at {path}, but the document loaded.");
        var problem = result.Problems.FirstOrDefault(p => p.Path == path && p.Error.Code == code);
        Assert.True(problem is not null, $"Expected {code} at {path}; found: {Describe(result)}");
        return problem!;
    }

    /// <summary>The load failed with exactly this one problem.</summary>
    public static DataProblem Only<T>(LoadResult<T> result, string path, string code)
        where T : class
    {
        var problem = Has(result, path, code);
        Assert.True(result.Problems.Count == 1, $"Expected only {code} at {path}; found: {Describe(result)}");
        return problem;
    }

    private static string Describe<T>(LoadResult<T> result)
        where T : class =>
        result.Problems.Count == 0 ? "no problems" : string.Join("; ", result.Problems);
}
