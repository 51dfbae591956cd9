namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// Which service URLs may receive the bot token (§3.7, anti-SSRF and token leak). Checked before a token is
/// asked for or attached. Hosts only: Teams' regional forms (<c>/teams/</c>, <c>/emea/</c>, <c>/amer/</c>, …)
/// are paths on <c>smba.trafficmanager.net</c>. https is required; loopback over http only in local development.
/// </summary>
public sealed class ServiceUrlAllowList
{
    /// <summary>§3.7's defaults: the Teams connector host exactly, and any host under botframework.com.</summary>
    public static IReadOnlyList<string> DefaultHosts { get; } = ["smba.trafficmanager.net", "*.botframework.com"];

    private readonly string[] _exact;
    private readonly string[] _suffixes;

    public ServiceUrlAllowList(IEnumerable<string> hosts, bool allowLoopback)
    {
        var entries = hosts.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).ToList();
        if (entries.Count == 0)
        {
            entries = [.. DefaultHosts];
        }

        _exact = [.. entries.Where(e => !e.StartsWith("*.", StringComparison.Ordinal))];
        _suffixes = [.. entries.Where(e => e.StartsWith("*.", StringComparison.Ordinal)).Select(e => e[1..])]; // ".botframework.com"
        AllowLoopback = allowLoopback;
    }

    public bool AllowLoopback { get; }

    public static ServiceUrlAllowList From(BotOptions options) =>
        new(options.ServiceUrlAllowList, options.AllowUnauthenticatedLocalDevelopment);

    /// <summary>An entry is a DNS host name or <c>*.</c> followed by one; no scheme, port or path.</summary>
    public static bool IsValidEntry(string entry)
    {
        var host = entry.StartsWith("*.", StringComparison.Ordinal) ? entry[2..] : entry;
        return host.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(host) == UriHostNameType.Dns;
    }

    public bool Allows(Uri serviceUrl)
    {
        if (!serviceUrl.IsAbsoluteUri || !string.IsNullOrEmpty(serviceUrl.UserInfo))
        {
            return false;
        }

        if (serviceUrl.IsLoopback)
        {
            return AllowLoopback && (serviceUrl.Scheme == Uri.UriSchemeHttp || serviceUrl.Scheme == Uri.UriSchemeHttps);
        }

        if (serviceUrl.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        var host = serviceUrl.IdnHost.ToLowerInvariant();
        return _exact.Contains(host, StringComparer.Ordinal)
            || _suffixes.Any(suffix => host.EndsWith(suffix, StringComparison.Ordinal) && host.Length > suffix.Length);
    }
}
