using System.Globalization;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Faults;

/// <summary>
/// The optional SharePoint resource-unit meter (§7.2, §10.6): costs per request, a one-minute sliding budget per
/// app, <c>RateLimit-*</c> headers from 80 % use, and 429 with <c>Retry-After</c> over the budget. Batched steps
/// are charged one by one; the outer <c>$batch</c> is free. Refused requests are not charged, so a client that
/// waits the advised time gets through.
/// </summary>
internal sealed class ResourceUnitMeter
{
    private readonly Dictionary<string, List<(DateTimeOffset At, int Cost)>> _spent = new(StringComparer.Ordinal);

    public static int Cost(string method, RequestTarget target)
    {
        var path = target.Segments;
        if (path.Count == 2 && path[1] == "$batch")
        {
            return 0;
        }
        if (path.Contains("permissions") || target.Option("$expand")?.Contains("permissions", StringComparison.OrdinalIgnoreCase) == true)
        {
            return 5;
        }
        if (!string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return 2;
        }
        var last = path[^1];
        if (last.Contains("delta", StringComparison.Ordinal))
        {
            return last.Contains("token", StringComparison.Ordinal) || target.Has("token") || target.Has("$skiptoken") ? 1 : 2;
        }
        return last is "items" or "lists" or "columns" or "installedApps" ? 2 : 1;
    }

    /// <summary>Charges <paramref name="cost"/> or refuses; returns the headers to add (RateLimit-*, Retry-After).</summary>
    public (bool Throttled, Dictionary<string, string> Headers) Charge(string app, int cost, DateTimeOffset now, int budget)
    {
        if (!_spent.TryGetValue(app, out var entries))
        {
            _spent[app] = entries = [];
        }
        entries.RemoveAll(e => e.At <= now.AddMinutes(-1));
        var used = entries.Sum(e => e.Cost);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reset = entries.Count == 0 ? 0 : (int)Math.Ceiling((entries[0].At.AddMinutes(1) - now).TotalSeconds);
        if (used + cost > budget)
        {
            // Retry-After equals RateLimit-Reset when the RU limit is the cause (§7.2).
            var wait = Math.Max(1, reset).ToString(CultureInfo.InvariantCulture);
            headers["Retry-After"] = wait;
            headers["RateLimit-Limit"] = budget.ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Remaining"] = "0";
            headers["RateLimit-Reset"] = wait;
            return (true, headers);
        }
        entries.Add((now, cost));
        used += cost;
        if (used * 5 >= budget * 4)
        {
            headers["RateLimit-Limit"] = budget.ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Remaining"] = (budget - used).ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Reset"] = Math.Max(1, reset).ToString(CultureInfo.InvariantCulture);
        }
        return (false, headers);
    }
}
