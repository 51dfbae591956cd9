using System.Globalization;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Provisioning;

namespace Norddjurs.TeamsRisk.App.Cli;

/// <summary>The provisioning report as text: each list and what changed in it, the settings written, the manual steps left.</summary>
internal static class ProvisioningReportWriter
{
    public static void Write(ProvisioningReport report, string siteUrl, TextWriter output, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(CliTexts.Get("cli.provision.site", language, ("site", siteUrl), ("id", report.SiteId)));
        foreach (var list in report.Lists)
        {
            output.WriteLine(CliTexts.Get("cli.provision.list." + Word(list.Change), language, ("list", list.DisplayName), ("id", list.Id)));
            foreach (var column in list.Columns.Where(c => c.Change != Change.Unchanged))
            {
                output.WriteLine(CliTexts.Get(
                    "cli.provision.column." + Word(column.Change), language, ("column", column.Name), ("properties", string.Join(", ", column.ChangedProperties))));
            }

            if (list.Columns.Count(c => c.Change == Change.Unchanged) is > 0 and var unchanged)
            {
                output.WriteLine(CliTexts.Get("cli.provision.columns_unchanged", language, ("count", unchanged)));
            }
        }

        foreach (var setting in report.Settings.Where(s => s.Change != Change.Unchanged))
        {
            output.WriteLine(CliTexts.Get("cli.provision.setting." + Word(setting.Change), language, ("key", setting.Key), ("value", setting.Value)));
        }

        if (report.ManualSteps.Count > 0)
        {
            output.WriteLine(CliTexts.Get("cli.provision.manual", language));
            foreach (var step in report.ManualSteps)
            {
                output.WriteLine(CliTexts.Get(
                    "cli.provision.manual." + step.Kind.ToString().ToLowerInvariant(), language,
                    ("list", step.ListDisplayName), ("id", step.ListId), ("site", siteUrl.TrimEnd('/'))));
            }
        }

        var version = ListSchema.Version.ToString(CultureInfo.InvariantCulture);
        output.WriteLine(CliTexts.Get(report.ChangedAnything ? "cli.provision.done" : "cli.provision.nothing_changed", language, ("version", version)));
    }

    public static string Failure(ProvisioningException failure, Language language)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var key = failure.Failure switch
        {
            ProvisioningFailure.InvalidSiteUrl => "cli.provision.site_url_invalid",
            ProvisioningFailure.SiteNotFound => "cli.provision.site_not_found",
            ProvisioningFailure.ColumnTypeChanged => "cli.provision.column_type_changed",
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Failure, "Unknown provisioning failure."),
        };
        return CliTexts.Get(key, language,
            ("site", failure.Site), ("list", failure.List), ("column", failure.Column), ("expected", failure.Expected), ("actual", failure.Actual));
    }

    private static string Word(Change change) => change.ToString().ToLowerInvariant();
}
