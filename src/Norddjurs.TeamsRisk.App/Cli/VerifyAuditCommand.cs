using System.Text;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Audit;

namespace Norddjurs.TeamsRisk.App.Cli;

/// <summary>
/// <c>verify-audit &lt;export.jsonl&gt; [--language en]</c>: checks an audit export offline (design.md §6) and prints
/// the verdict on stdout — OK with the count and head, or the first broken entry — and problems running it on stderr.
/// </summary>
internal static class VerifyAuditCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var path, out var language))
        {
            return CommandLine.Usage(error, language);
        }

        if (!File.Exists(path) && !Directory.Exists(path))
        {
            error.WriteLine(CliTexts.Get("cli.file_missing", language, ("path", path)));
            return ExitCodes.Usage;
        }

        if (!TryRead(path, out var text, out var reason))
        {
            error.WriteLine(CliTexts.Get("cli.file_unreadable", language, ("path", path), ("reason", reason)));
            return ExitCodes.Usage;
        }

        var result = AuditExport.Verify(text);
        if (!result.IsSuccess)
        {
            output.WriteLine(CliTexts.Get("cli.verify_audit.broken", language, ("message", result.Errors[0].Message(language))));
            return ExitCodes.Failed;
        }

        var (count, head) = (result.Value.Count, result.Value.Head);
        output.WriteLine(CliTexts.Get("cli.verify_audit.ok", language, ("count", count), ("seq", head?.Seq ?? 0), ("hash", head?.Hash ?? string.Empty)));
        return ExitCodes.Ok;
    }

    /// <summary>Exactly one file and at most one <c>--language da|en</c>, in either order.</summary>
    private static bool TryParse(string[] args, out string path, out Language language)
    {
        path = string.Empty;
        language = CliLanguage.Find(args) ?? Language.Danish;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == CliLanguage.Option)
            {
                if (i + 1 >= args.Length || CliLanguage.Parse(args[++i]) is null)
                {
                    return false;
                }
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return false;
            }
            else
            {
                paths.Add(args[i]);
            }
        }

        if (paths.Count != 1)
        {
            return false;
        }

        path = paths[0];
        return true;
    }

    private static bool TryRead(string path, out string text, out string reason)
    {
        (text, reason) = (string.Empty, string.Empty);
        try
        {
            // Strict UTF-8: a file that is not UTF-8 is unreadable rather than silently "edited" by replacement characters.
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException or ArgumentException)
        {
            reason = e.Message;
            return false;
        }
    }
}
