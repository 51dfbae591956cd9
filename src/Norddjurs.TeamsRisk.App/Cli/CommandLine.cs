using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.App.Cli;

/// <summary>
/// Routes <c>App &lt;command&gt; …</c> to a command that runs without the web host. Arguments that look like host
/// configuration (<c>--urls …</c>, <c>key=value</c>, as WebApplicationFactory passes) or none at all start the host.
/// </summary>
internal static class CommandLine
{
    private static readonly Dictionary<string, Func<string[], TextWriter, TextWriter, int>> Commands =
        new(StringComparer.Ordinal)
        {
            ["verify-audit"] = VerifyAuditCommand.Run,
            ["provision"] = ProvisionCommand.Run,
            ["package"] = PackageCommand.Run,
        };

    /// <summary>The command's exit code, or null when the arguments are for the web host.</summary>
    public static int? Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        if (Commands.TryGetValue(args[0], out var command))
        {
            return command(args[1..], output, error);
        }

        return Usage(error, CliLanguage.Find(args) ?? Language.Danish);
    }

    public static int Usage(TextWriter error, Language language)
    {
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine(CliTexts.Get("cli.usage", language));
        return ExitCodes.Usage;
    }
}
