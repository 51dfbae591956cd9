using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.App.Cli;

/// <summary>The <c>--language da|en</c> option every command takes; Danish when absent (design.md §9).</summary>
internal static class CliLanguage
{
    public const string Option = "--language";

    /// <summary>The language the arguments ask for, or null when the option is absent or its value unknown.</summary>
    public static Language? Find(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == Option)
            {
                return Parse(args[i + 1]);
            }
        }

        return null;
    }

    public static Language? Parse(string value) => value.ToUpperInvariant() switch
    {
        "DA" => Language.Danish,
        "EN" => Language.English,
        _ => null,
    };
}
