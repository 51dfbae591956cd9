using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Manifest.Tests;

/// <summary>The built package against Microsoft's own schemas, offline (issue 10 item 3).</summary>
public sealed class SchemaTests(BuiltPackage package) : IClassFixture<BuiltPackage>
{
    private const string Version = "1.30";

    [Fact]
    public void The_manifest_is_at_the_newest_schema_version_the_package_ships()
    {
        Assert.Equal(Version, TeamsSchemas.NewestVersion());
        Assert.Equal(Version, package.Manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{Version}/MicrosoftTeams.schema.json", package.Manifest["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void The_manifest_is_valid_by_Microsofts_schema() =>
        Assert.Empty(TeamsSchemas.Errors(Version, TeamsSchemas.Manifest, package.ManifestText));

    [Fact]
    public void The_English_localisation_is_valid_by_Microsofts_schema() =>
        Assert.Empty(TeamsSchemas.Errors(Version, TeamsSchemas.Localization, package.EnglishText));

    [Theory]
    [InlineData("developer")]
    [InlineData("icons")]
    public void The_schema_check_catches_a_manifest_without_a_required_part(string part)
    {
        var broken = package.Manifest;
        broken.Remove(part);

        Assert.Contains(TeamsSchemas.Errors(Version, TeamsSchemas.Manifest, broken.ToJsonString()), e => e.Contains("required", StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_check_catches_a_too_long_localised_name()
    {
        var broken = package.English;
        broken["name.short"] = new string('x', 31);

        Assert.NotEmpty(TeamsSchemas.Errors(Version, TeamsSchemas.Localization, broken.ToJsonString()));
    }

    [Fact]
    public void Danish_is_the_default_language_and_English_is_in_the_package()
    {
        var localization = package.Manifest["localizationInfo"]!;
        var english = Assert.Single(localization["additionalLanguages"]!.AsArray());

        Assert.Equal("da", localization["defaultLanguageTag"]!.GetValue<string>());
        Assert.Equal(("en", "en.json"), (english!["languageTag"]!.GetValue<string>(), english["file"]!.GetValue<string>()));
        Assert.Equal(["color.png", "en.json", "manifest.json", "outline.png"], package.Entries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_localised_string_names_a_string_the_manifest_has()
    {
        foreach (var key in package.English.Select(p => p.Key).Where(k => k != "$schema"))
        {
            Assert.True(Resolve(package.Manifest, key) is JsonValue, key);
        }
    }

    [Fact]
    public void The_ids_and_host_are_filled_in_for_SSO_the_bot_and_the_domains()
    {
        var manifest = package.Manifest;

        Assert.Equal(BuiltPackage.AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(BuiltPackage.AppId, manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal($"api://{BuiltPackage.Host}/{BuiltPackage.AppId}", manifest["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.Equal(BuiltPackage.BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal([BuiltPackage.Host], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(["personal", "team"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.DoesNotContain("{{", package.ManifestText + package.EnglishText, StringComparison.Ordinal);
    }

    /// <summary>A localisation key such as <c>bots[0].commandLists[1].commands[0].title</c> or <c>name.short</c> in the manifest.</summary>
    private static JsonNode? Resolve(JsonNode? node, string key)
    {
        foreach (var part in key.Split('.'))
        {
            var name = part.Split('[')[0];
            node = node?[name];
            foreach (var index in part.Split('[').Skip(1).Select(i => int.Parse(i.TrimEnd(']'), System.Globalization.CultureInfo.InvariantCulture)))
            {
                node = node is JsonArray array && index < array.Count ? array[index] : null;
            }
        }

        return node;
    }
}
