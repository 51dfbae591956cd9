using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.App.Packaging;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.App.Cli;

/// <summary>
/// <c>package --app-id &lt;GUID&gt; --bot-id &lt;GUID&gt; --host &lt;host name&gt; --out &lt;file.zip&gt; [--app-version 1.0.0]
/// [--template &lt;folder&gt;] [--language en]</c>: fills the Teams manifest template (<c>manifest/</c>) and writes the app
/// package for the Teams admin center. Every input is checked before anything is written; a refusal says what to fix.
/// </summary>
internal static class PackageCommand
{
    private const string AppIdOption = "--app-id";
    private const string BotIdOption = "--bot-id";
    private const string HostOption = "--host";
    private const string OutOption = "--out";
    private const string VersionOption = "--app-version";
    private const string TemplateOption = "--template";

    private static readonly string[] Required = [AppIdOption, BotIdOption, HostOption, OutOption];
    private static readonly string[] Known = [.. Required, VersionOption, TemplateOption];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var options, out var language))
        {
            return CommandLine.Usage(error, language);
        }

        var problems = Problems(options, language);
        if (problems.Count > 0)
        {
            problems.ForEach(error.WriteLine);
            return ExitCodes.Usage;
        }

        var inputs = new PackageInputs(
            Guid.Parse(options[AppIdOption]), Guid.Parse(options[BotIdOption]), options[HostOption].ToLowerInvariant(),
            options.GetValueOrDefault(VersionOption, PackageInputs.DefaultVersion));
        return Build(inputs, options.GetValueOrDefault(TemplateOption), options[OutOption], output, error, language);
    }

    private static int Build(PackageInputs inputs, string? templateFolder, string outPath, TextWriter output, TextWriter error, Language language)
    {
        TeamsAppTemplate template;
        try
        {
            template = templateFolder is null ? TeamsAppTemplate.Embedded() : TeamsAppTemplate.FromFolder(templateFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(CliTexts.Get("cli.package.template_unreadable", language, ("path", templateFolder ?? string.Empty), ("reason", e.Message)));
            return ExitCodes.Usage;
        }

        var unfilled = TeamsAppPackage.Fill(template, inputs, out var manifest, out var english);
        if (unfilled.Count > 0)
        {
            error.WriteLine(CliTexts.Get("cli.package.placeholders", language, ("placeholders", string.Join(", ", unfilled))));
            return ExitCodes.Usage;
        }

        if (!TeamsAppPackage.IsJson(manifest, english, out var reason))
        {
            error.WriteLine(CliTexts.Get("cli.package.template_invalid", language, ("reason", reason)));
            return ExitCodes.Usage;
        }

        try
        {
            using var zip = new MemoryStream();
            TeamsAppPackage.Write(zip, manifest, english, template);
            File.WriteAllBytes(outPath, zip.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(CliTexts.Get("cli.package.out_unwritable", language, ("path", outPath), ("reason", e.Message)));
            return ExitCodes.Usage;
        }

        output.WriteLine(CliTexts.Get("cli.package.done", language,
            ("path", Path.GetFullPath(outPath)), ("manifestVersion", JsonNode.Parse(manifest)?["manifestVersion"]?.GetValue<string>() ?? "?"),
            ("version", inputs.Version), ("appId", inputs.AppId), ("botId", inputs.BotId), ("host", inputs.Host)));
        return ExitCodes.Ok;
    }

    /// <summary>Each missing or malformed option as one message, so one run names everything to fix.</summary>
    private static List<string> Problems(Dictionary<string, string> options, Language language)
    {
        var problems = new List<string>();
        foreach (var option in Required.Where(o => !options.ContainsKey(o)))
        {
            problems.Add(CliTexts.Get("cli.package.option_missing", language, ("option", option)));
        }

        foreach (var option in new[] { AppIdOption, BotIdOption }.Where(options.ContainsKey))
        {
            if (!PackageInputs.TryGuid(options[option], out _))
            {
                problems.Add(CliTexts.Get("cli.package.guid_invalid", language, ("option", option), ("value", options[option])));
            }
        }

        if (options.TryGetValue(HostOption, out var host) && PackageInputs.CheckHost(host) is { } problem)
        {
            problems.Add(CliTexts.Get("cli.package.host_" + problem.ToString().ToLowerInvariant(), language, ("value", host)));
        }

        if (options.TryGetValue(VersionOption, out var version) && !PackageInputs.IsVersion(version))
        {
            problems.Add(CliTexts.Get("cli.package.version_invalid", language, ("value", version)));
        }

        return problems;
    }

    /// <summary>Each known option at most once with a value, and <c>--language</c> at most once; anything else is a usage error.</summary>
    private static bool TryParse(string[] args, out Dictionary<string, string> options, out Language language)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        language = CliLanguage.Find(args) ?? Language.Danish;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == CliLanguage.Option)
            {
                if (i + 1 >= args.Length || CliLanguage.Parse(args[++i]) is null)
                {
                    return false;
                }
            }
            else if (Known.Contains(args[i]) && i + 1 < args.Length && !options.ContainsKey(args[i]))
            {
                options[args[i]] = args[++i];
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
