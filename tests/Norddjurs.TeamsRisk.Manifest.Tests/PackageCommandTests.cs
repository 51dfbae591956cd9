using System.IO.Compression;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.App.Cli;

namespace Norddjurs.TeamsRisk.Manifest.Tests;

/// <summary><c>App -- package …</c>: what it writes, and each refusal with its message and exit code 2, nothing written.</summary>
public sealed class PackageCommandTests : IDisposable
{
    private const string AppId = BuiltPackage.AppId;
    private const string BotId = BuiltPackage.BotId;
    private const string Host = BuiltPackage.Host;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("teamsrisk-package-");

    private string Out => Path.Combine(_directory.FullName, "teamsrisk.zip");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void A_package_has_the_filled_manifest_the_English_strings_and_both_icons_at_its_root()
    {
        var run = Run("package", "--app-id", AppId, "--bot-id", BotId, "--host", Host, "--out", Out, "--app-version", "1.2.3");

        Assert.Equal((0, ""), (run.Exit, run.Error));
        Assert.StartsWith($"Pakke skrevet: {Out} (manifest 1.30, version 1.2.3, app-id {AppId}, bot-id {BotId}, vært {Host})", run.Output, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(Out);
        Assert.Equal(["color.png", "en.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var manifest = zip.GetEntry("manifest.json")!.Open();
        var json = JsonNode.Parse(manifest)!;
        Assert.Equal(("1.2.3", AppId), (json["version"]!.GetValue<string>(), json["id"]!.GetValue<string>()));
    }

    [Fact]
    public void The_same_inputs_give_the_same_bytes()
    {
        var second = Path.Combine(_directory.FullName, "again.zip");

        Run("package", "--app-id", AppId, "--bot-id", BotId, "--host", Host, "--out", Out);
        Run("package", "--app-id", AppId, "--bot-id", BotId, "--host", Host, "--out", second);

        Assert.Equal(File.ReadAllBytes(Out), File.ReadAllBytes(second));
    }

    [Fact]
    public void The_host_is_written_in_lower_case()
    {
        Run("package", "--app-id", AppId, "--bot-id", BotId, "--host", "TeamsRisk.AzureWebsites.net", "--out", Out);

        using var zip = ZipFile.OpenRead(Out);
        using var manifest = zip.GetEntry("manifest.json")!.Open();
        Assert.Equal("teamsrisk.azurewebsites.net", JsonNode.Parse(manifest)!["validDomains"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("--app-id", "not-a-guid")]
    [InlineData("--app-id", "3f2504e04f8941d39a0c0305e82c3301")]
    [InlineData("--app-id", "00000000-0000-0000-0000-000000000000")]
    [InlineData("--bot-id", "{9a3c5b71-2d4e-4f60-8b1a-7c9d0e1f2a3b}")]
    public void A_bad_GUID_is_refused_naming_the_option(string option, string value)
    {
        var args = Arguments(AppId, BotId, Host);
        args[Array.IndexOf(args, option) + 1] = value;

        var run = Run(args);

        AssertRefused(run, $"{option} skal være et app-id (klient-id) fra Entra ID, skrevet som 0f8fad5b-d9cb-469f-a165-70867728950e, ikke '{value}'.");
    }

    [Theory]
    [InlineData("https://teamsrisk.azurewebsites.net", "uden https://")]
    [InlineData("teamsrisk.azurewebsites.net/api", "uden port, sti eller skråstreg")]
    [InlineData("teamsrisk.azurewebsites.net:443", "uden port, sti eller skråstreg")]
    [InlineData("localhost", "gyldigt DNS-navn")]
    [InlineData("teams_risk.norddjurs.dk", "gyldigt DNS-navn")]
    [InlineData("-teamsrisk.norddjurs.dk", "gyldigt DNS-navn")]
    [InlineData("teamsrisk..norddjurs.dk", "gyldigt DNS-navn")]
    [InlineData("teamsrisk.norddjurs.dk.", "gyldigt DNS-navn")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234.dk", "gyldigt DNS-navn")]
    public void A_bad_host_name_is_refused_saying_what_is_wrong(string host, string reason)
    {
        var run = Run(Arguments(AppId, BotId, host));

        AssertRefused(run, $"'{host}'");
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_option_is_named_with_the_usage()
    {
        var run = Run("package", "--app-id", AppId, "--host", Host);

        AssertRefused(run, "Mangler --bot-id. Brug: package --app-id <GUID> --bot-id <GUID> --host <værtsnavn> --out <fil.zip>");
        Assert.Contains("Mangler --out.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_with_a_placeholder_the_command_does_not_fill_is_refused()
    {
        var template = _directory.CreateSubdirectory("template").FullName;
        foreach (var file in new[] { "manifest.template.json", "en.json", "color.png", "outline.png" })
        {
            File.Copy(Path.Combine(RepoPaths.Manifest, file), Path.Combine(template, file));
        }

        var manifest = Path.Combine(template, "manifest.template.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"Norddjurs Kommune\"", "\"{{PUBLISHER}}\"", StringComparison.Ordinal));

        var run = Run([.. Arguments(AppId, BotId, Host), "--template", template]);

        AssertRefused(run, "Skabelonen har pladsholdere, som kommandoen ikke kan udfylde: {{PUBLISHER}}.");
    }

    [Fact]
    public void A_package_that_cannot_be_written_is_refused_with_the_reason()
    {
        var missingFolder = Path.Combine(_directory.FullName, "missing", "teamsrisk.zip");

        var run = Run("package", "--app-id", AppId, "--bot-id", BotId, "--host", Host, "--out", missingFolder);

        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.StartsWith($"Pakken kan ikke skrives til {missingFolder}: ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missingFolder));
    }

    [Fact]
    public void A_bad_app_version_is_refused()
    {
        var run = Run([.. Arguments(AppId, BotId, Host), "--app-version", "1.0"]);

        AssertRefused(run, "--app-version skal være tre tal som 1.0.0");
    }

    [Fact]
    public void Refusals_speak_English_when_asked()
    {
        var run = Run([.. Arguments("nope", BotId, "https://x.dk"), "--language", "en"]);

        AssertRefused(run, "--app-id must be an Entra ID application (client) id");
        Assert.Contains("--host is the host name alone, without https://", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--frobnicate", "x")]
    [InlineData("--host")]
    public void An_unknown_option_or_one_without_a_value_prints_the_usage(params string[] extra)
    {
        var run = Run([.. Arguments(AppId, BotId, Host), .. extra]);

        AssertRefused(run, "Brug: ");
        Assert.Contains("package --app-id <GUID> --bot-id <GUID> --host <værtsnavn> --out <fil.zip>", run.Error, StringComparison.Ordinal);
    }

    private string[] Arguments(string appId, string botId, string host) =>
        ["package", "--app-id", appId, "--bot-id", botId, "--host", host, "--out", Out];

    private void AssertRefused((int Exit, string Output, string Error) run, string message)
    {
        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.Empty(run.Output);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out), "nothing is written when the command refuses");
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CommandLine.Run(args, output, error) ?? throw new InvalidOperationException("the arguments started the web host");
        return (exit, output.ToString(), error.ToString());
    }
}
