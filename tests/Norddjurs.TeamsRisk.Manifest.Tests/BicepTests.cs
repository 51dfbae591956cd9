using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Norddjurs.TeamsRisk.Manifest.Tests;

/// <summary>
/// infra/ compiles and passes the linter with infra/bicepconfig.json, where every rule that warns by default is an
/// error; and, since a new CLI could add a warning the config does not name yet, any "Warning" in the output fails too.
/// </summary>
public sealed partial class BicepTests
{
    private static readonly Lazy<JsonObject> Compiled = new(() =>
    {
        var run = BicepCli.Run("build", "main.bicep", "--stdout");
        Assert.True(run.Exit == 0, run.Error);
        return JsonNode.Parse(run.Output)!.AsObject();
    });

    [Fact]
    public void The_deployment_builds_without_a_warning()
    {
        var run = BicepCli.Run("build", "main.bicep", "--stdout");

        Assert.Equal(0, run.Exit);
        Assert.DoesNotContain("Warning", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Error", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_linter_finds_nothing()
    {
        var run = BicepCli.Run("lint", "main.bicep");

        Assert.Equal((0, ""), (run.Exit, run.Output + run.Error));
    }

    [Fact]
    public void The_linter_config_makes_a_warning_an_error()
    {
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Infra, "bicepconfig.json")))!["analyzers"]!["core"]!["rules"]!.AsObject();

        Assert.Contains("no-unused-params", rules.Select(r => r.Key));
        Assert.All(rules, r => Assert.Equal("error", r.Value!["level"]!.GetValue<string>()));
    }

    [Fact]
    public void Only_EU_regions_are_allowed_and_Sweden_Central_is_the_default()
    {
        var location = Compiled.Value["parameters"]!["location"]!;

        Assert.Equal("swedencentral", location["defaultValue"]!.GetValue<string>());
        Assert.All(location["allowedValues"]!.AsArray(), r => Assert.Contains(r!.GetValue<string>(), EuRegions));
    }

    [Theory]
    [InlineData("\"linuxFxVersion\": \"DOTNETCORE|10.0\"")]
    [InlineData("\"alwaysOn\": true")]
    [InlineData("\"webSocketsEnabled\": true")]
    [InlineData("\"clientAffinityEnabled\": true")]
    [InlineData("\"httpsOnly\": true")]
    [InlineData("\"minTlsVersion\": \"1.2\"")]
    [InlineData("\"ftpsState\": \"Disabled\"")]
    [InlineData("\"enableRbacAuthorization\": true")]
    [InlineData("\"channelName\": \"MsTeamsChannel\"")]
    [InlineData("/home/data/teamsrisk.db")]
    [InlineData("/api/messages")]
    [InlineData("@Microsoft.KeyVault(VaultName=")]
    public void The_template_sets_what_design_section_11_asks(string fragment) =>
        Assert.Contains(fragment, Compiled.Value.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), StringComparison.Ordinal);

    [Fact]
    public void No_secret_has_a_default_value()
    {
        var parameters = Compiled.Value["parameters"]!.AsObject();

        Assert.All(parameters.Where(p => p.Value!["type"]!.GetValue<string>() == "securestring"),
            p => Assert.Equal(string.Empty, p.Value!["defaultValue"]?.GetValue<string>() ?? string.Empty));
    }

    [Fact]
    public void Every_app_setting_the_template_writes_is_in_the_deployment_guides_table()
    {
        var names = Directory.GetFiles(RepoPaths.Infra, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(f => SettingName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToList();
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "deployment.md"));

        Assert.Contains("Storage__Provider", names);
        Assert.Contains("Auth__Audience", names);
        Assert.All(names, name => Assert.Contains($"`{name.Replace("__", ":", StringComparison.Ordinal)}`", guide, StringComparison.Ordinal));
    }

    // A setting in main.bicep's list ({ name: 'X__Y', … }) or a key of webApp.bicep's union (X__Y: …).
    [GeneratedRegex(@"(?:name: '|^\s+)([A-Za-z]+(?:__[A-Za-z]+)+|ASPNETCORE_ENVIRONMENT|WEBSITES_[A-Z_]+|APPLICATIONINSIGHTS_[A-Z_]+)(?:'|:)", RegexOptions.Multiline)]
    private static partial Regex SettingName();

    private static readonly string[] EuRegions =
        ["swedencentral", "westeurope", "northeurope", "germanywestcentral", "francecentral", "italynorth", "polandcentral", "spaincentral"];
}
