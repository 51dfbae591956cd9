using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Data;
using Norddjurs.TeamsRisk.Core.Json;

namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>Loads and validates a method document (risk-method.md §3.5 rule 9, §3.7, §3.8).</summary>
public static class MethodLoader
{
    /// <summary>
    /// The approval state (<c>status</c>, <c>approval</c>, <c>effectiveFrom</c>) is left out of the hash:
    /// approving a version must not change the identity of the rules that assessments pin.
    /// </summary>
    public static readonly IReadOnlyList<string> NotHashed = ["status", "approval", "effectiveFrom"];

    public static LoadResult<RiskMethod> Load(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new DataReader();
        using var document = DataReader.Parse(utf8Json, reader);
        if (document is null)
        {
            return LoadResult<RiskMethod>.Invalid(reader.Problems);
        }

        var method = MethodReader.Read(document.RootElement, reader, sha256: string.Empty);
        if (method is not null && !reader.HasProblems)
        {
            // Rules across fields need a cleanly read shape; shape problems are reported on their own first.
            MethodRules.Check(method, reader);
        }

        return method is null || reader.HasProblems
            ? LoadResult<RiskMethod>.Invalid(reader.Problems)
            : LoadResult<RiskMethod>.Valid(method with { Sha256 = HashOf(document.RootElement) });
    }

    /// <summary>SHA-256 of the canonical JSON (UTF-8, sorted keys, no insignificant whitespace) without the approval state.</summary>
    public static string HashOf(System.Text.Json.JsonElement root)
    {
        var node = JsonNode.Parse(root.GetRawText());
        if (node is JsonObject obj)
        {
            foreach (var key in NotHashed)
            {
                obj.Remove(key);
            }
        }

        return CanonicalJson.Sha256Hex(node);
    }
}
