using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Norddjurs.TeamsRisk.Manifest.Tests;

/// <summary>
/// Microsoft's Teams manifest schemas as shipped in <c>@microsoft/app-manifest</c>. They declare draft-04 but use
/// draft-06/07 keywords (<c>const</c>, <c>if</c>/<c>then</c>), and JsonSchema.Net has no draft 4; so each is evaluated
/// twice: as draft 7 (<c>dependencies</c>; <c>$ref</c> replaces its siblings, as in draft 4) and as 2019-09 (<c>$ref</c>'s
/// siblings such as <c>maxLength</c> apply too, as they do in the Ajv validator Microsoft's toolkit runs). Valid means valid in both.
/// </summary>
internal static partial class TeamsSchemas
{
    public const string Manifest = "MicrosoftTeams.schema.json";
    public const string Localization = "MicrosoftTeams.Localization.schema.json";

    private static readonly (string Id, Dialect Dialect)[] Dialects =
    [
        ("http://json-schema.org/draft-07/schema#", Dialect.Draft07),
        ("https://json-schema.org/draft/2019-09/schema", Dialect.Draft201909),
    ];

    /// <summary>The highest numbered schema version in the package (<c>vDevPreview</c> is a preview, not accepted for upload).</summary>
    public static string NewestVersion() =>
        Directory.GetDirectories(Folder())
            .Select(Path.GetFileName)
            .Select(name => NumberedVersion().Match(name!))
            .Where(m => m.Success)
            .Select(m => System.Version.Parse(m.Groups[1].Value))
            .Max()!
            .ToString(2);

    /// <summary>Every error in <paramref name="instance"/> by either reading of the schema, as "dialect: location: message".</summary>
    public static IReadOnlyList<string> Errors(string version, string schemaFile, string instance)
    {
        var path = Path.Combine(Folder(), "v" + version, schemaFile);
        var text = File.ReadAllText(path);
        Assert.StartsWith("{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\"", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(instance);
        var errors = new List<string>();
        foreach (var (id, dialect) in Dialects)
        {
            var options = new BuildOptions { Dialect = dialect, SchemaRegistry = new SchemaRegistry() };
            var schema = JsonSchema.FromText(
                text.Replace("http://json-schema.org/draft-04/schema#", id, StringComparison.Ordinal), options,
                new Uri($"https://teamsrisk.invalid/{Uri.EscapeDataString(id)}/{schemaFile}"));
            var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            errors.AddRange(result.Details?
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{id}: {d.InstanceLocation}: {e.Key} {e.Value}")) ?? []);
            if (!result.IsValid && errors.Count == 0)
            {
                errors.Add($"{id}: invalid, without details");
            }
        }

        return errors;
    }

    private static string Folder()
    {
        Assert.True(Directory.Exists(RepoPaths.TeamsSchemas), $"{RepoPaths.TeamsSchemas} is missing: run scripts/test-setup/20-npm-tools.sh (test.sh does)");
        return RepoPaths.TeamsSchemas;
    }

    [GeneratedRegex(@"^v(\d+\.\d+)$")]
    private static partial Regex NumberedVersion();
}
