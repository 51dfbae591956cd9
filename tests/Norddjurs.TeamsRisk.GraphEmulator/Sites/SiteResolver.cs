namespace Norddjurs.TeamsRisk.GraphEmulator.Sites;

/// <summary>
/// Finds the site a path addresses and what follows it (§1.2, §10.1): <c>root</c>, <c>{host}</c>,
/// <c>{host}:/{path}[:]</c> (as one encoded segment or as plain segments), <c>{host},{guid},{guid}</c> and
/// <c>{host},{guid}</c>. Ids compare case-insensitively.
/// </summary>
internal static class SiteResolver
{
    /// <param name="path">Decoded segments starting with "sites".</param>
    public static (SiteState? Site, IReadOnlyList<string> Remaining) Resolve(IReadOnlyList<SiteState> sites, IReadOnlyList<string> path)
    {
        var key = path[1];
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (ById(sites, key), path.Skip(2).ToList());
        }
        var host = key[..colon];
        var inSegment = key[(colon + 1)..];
        if (inSegment.Length > 0)
        {
            // Encoded form: "host:/sites/X" or "host:/sites/X:" in one segment.
            return (ByPath(sites, host, inSegment.TrimEnd(':')), path.Skip(2).ToList());
        }
        // Plain form: "host:", "sites", "X:", "lists", … — the path ends at a segment closed by ':'.
        var parts = new List<string>();
        var index = 2;
        for (; index < path.Count; index++)
        {
            var segment = path[index];
            if (segment.EndsWith(':'))
            {
                parts.Add(segment.TrimEnd(':'));
                return (ByPath(sites, host, "/" + string.Join('/', parts)), path.Skip(index + 1).ToList());
            }
            parts.Add(segment);
        }
        // No closing colon (batch steps lose it after decoding): the longest prefix naming a site wins.
        for (var take = parts.Count; take >= Math.Min(1, parts.Count); take--)
        {
            var site = ByPath(sites, host, "/" + string.Join('/', parts.Take(take)));
            if (site is not null)
            {
                return (site, parts.Skip(take).ToList());
            }
        }
        return (null, []);
    }

    private static SiteState? ById(IReadOnlyList<SiteState> sites, string key)
    {
        if (string.Equals(key, "root", StringComparison.OrdinalIgnoreCase))
        {
            return sites.FirstOrDefault(s => s.IsRoot);
        }
        var parts = key.Split(',');
        return parts.Length switch
        {
            1 => sites.FirstOrDefault(s => s.IsRoot && Same(s.Hostname, parts[0])),
            2 => sites.FirstOrDefault(s => s.IsRoot && Same(s.Hostname, parts[0]) && Same(s.CollectionId.ToString(), parts[1])),
            3 => sites.FirstOrDefault(s => Same(s.Id, key)),
            _ => null,
        };
    }

    private static SiteState? ByPath(IReadOnlyList<SiteState> sites, string host, string path)
    {
        var normalised = "/" + path.Trim('/');
        return sites.FirstOrDefault(s => Same(s.Hostname, host) && Same(s.ServerRelativePath, normalised));
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
