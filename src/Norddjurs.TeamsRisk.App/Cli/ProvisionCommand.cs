using Microsoft.Kiota.Abstractions;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Provisioning;
using ODataError = Microsoft.Graph.Models.ODataErrors.ODataError;

namespace Norddjurs.TeamsRisk.App.Cli;

/// <summary>
/// <c>provision --site https://&lt;tenant&gt;.sharepoint.com/sites/&lt;site&gt; [--language en] [Key=Value …]</c>: reconciles
/// the site's lists and columns with <see cref="ListSchema"/> (graph-sharepoint.md §2.6) using the Graph client of
/// <c>Graph:*</c>, and prints what it did and the manual steps left. Configuration is read as the host reads it
/// (appsettings, user secrets in Development, environment); <c>Key=Value</c> arguments override it.
/// </summary>
internal static class ProvisionCommand
{
    private const string SiteOption = "--site";

    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, CancellationToken.None).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var site, out var overrides, out var language))
        {
            return CommandLine.Usage(error, language);
        }

        var configuration = CliConfiguration.Build(overrides);
        site ??= configuration["Storage:SharePoint:SiteUrl"];
        if (string.IsNullOrWhiteSpace(site))
        {
            error.WriteLine(CliTexts.Get("cli.provision.site_missing", language));
            return ExitCodes.Usage;
        }

        var options = new GraphOptions();
        configuration.GetSection(GraphOptions.Section).Bind(options);
        if (options.Problems() is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                error.WriteLine(CliTexts.Get("cli.provision.configuration", language, ("problem", problem)));
            }

            return ExitCodes.Usage;
        }

        try
        {
            var report = await new SiteProvisioner(GraphClientBuilder.Build(options))
                .RunAsync(site, ListSchema.Lists, ListSchema.Version, cancellationToken).ConfigureAwait(false);
            ProvisioningReportWriter.Write(report, site, output, language);
            return ExitCodes.Ok;
        }
        catch (ProvisioningException e)
        {
            error.WriteLine(ProvisioningReportWriter.Failure(e, language));
            return e.Failure == ProvisioningFailure.InvalidSiteUrl ? ExitCodes.Usage : ExitCodes.Failed;
        }
        catch (Exception e) when (GraphFailure(e) is { } reason)
        {
            error.WriteLine(CliTexts.Get("cli.provision.graph_failed", language, ("reason", reason)));
            return ExitCodes.Failed;
        }
    }

    /// <summary>Graph's own words for what went wrong (status and code, graph-sharepoint.md §7.6, §9), or null for a bug.</summary>
    private static string? GraphFailure(Exception e) => e switch
    {
        ODataError o => $"HTTP {o.ResponseStatusCode} {o.Error?.Code}".TrimEnd(),
        ApiException a => $"HTTP {a.ResponseStatusCode}",
        AggregateException { InnerExceptions: [.., ApiException last] } => $"HTTP {last.ResponseStatusCode} (retries exhausted)",
        HttpRequestException or TaskCanceledException => e.Message,
        _ => null,
    };

    /// <summary><c>--site</c> once, <c>--language</c> at most once, and <c>Key=Value</c> configuration overrides.</summary>
    private static bool TryParse(string[] args, out string? site, out List<string> overrides, out Language language)
    {
        (site, overrides) = (null, []);
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
            else if (args[i] == SiteOption)
            {
                if (i + 1 >= args.Length || site is not null)
                {
                    return false;
                }

                site = args[++i];
            }
            else if (!args[i].StartsWith('-') && args[i].Contains('=', StringComparison.Ordinal))
            {
                overrides.Add(args[i]);
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
