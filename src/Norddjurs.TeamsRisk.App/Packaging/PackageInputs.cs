using System.Globalization;
using System.Text.RegularExpressions;

namespace Norddjurs.TeamsRisk.App.Packaging;

/// <summary>What the package command fills into the manifest template, each checked before anything is written.</summary>
internal sealed partial record PackageInputs(Guid AppId, Guid BotId, string Host, string Version)
{
    public const string DefaultVersion = "1.0.0";

    /// <summary>The template's placeholders and their values, as written into manifest.json.</summary>
    public IReadOnlyDictionary<string, string> Placeholders => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["{{APP_ID}}"] = AppId.ToString("D", CultureInfo.InvariantCulture),
        ["{{BOT_ID}}"] = BotId.ToString("D", CultureInfo.InvariantCulture),
        ["{{HOST}}"] = Host,
        ["{{VERSION}}"] = Version,
    };

    /// <summary>An Entra application (client) id: the 36-character form with hyphens, and not all zeros.</summary>
    public static bool TryGuid(string value, out Guid guid) =>
        Guid.TryParseExact(value, "D", out guid) && guid != Guid.Empty;

    /// <summary>Why <paramref name="value"/> is not a bare DNS host name (no scheme, port or path), or null when it is.</summary>
    public static HostProblem? CheckHost(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains("://", StringComparison.Ordinal))
        {
            return HostProblem.Scheme;
        }

        if (value.IndexOfAny(['/', '?', '#', ':', '@']) >= 0)
        {
            return HostProblem.PathOrPort;
        }

        // RFC 1035/1123: labels of 1-63 letters, digits and inner hyphens; 253 characters in all; at least two labels,
        // because Teams and Entra need a public name (validDomains, api://{host}/{appId}).
        var labels = value.Split('.');
        return value.Length <= 253 && labels.Length >= 2 && labels.All(DnsLabelPattern().IsMatch) ? null : HostProblem.NotDnsName;
    }

    /// <summary>The app's version as Teams wants it: three numbers, raised for every new package of an installed app.</summary>
    public static bool IsVersion(string value) => VersionPattern().IsMatch(value);

    [GeneratedRegex("^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex("^(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}

/// <summary>What is wrong with a host name, for a message that says how to fix it.</summary>
internal enum HostProblem
{
    Scheme,
    PathOrPort,
    NotDnsName,
}
