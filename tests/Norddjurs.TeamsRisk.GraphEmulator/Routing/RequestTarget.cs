using System.Text.RegularExpressions;

namespace Norddjurs.TeamsRisk.GraphEmulator.Routing;

/// <summary>
/// The raw request target split into percent-decoded path segments and query options (§10.1): each segment is
/// decoded on its own, so an encoded <c>%2F</c> stays inside its segment.
/// </summary>
public sealed partial class RequestTarget
{
    private RequestTarget(string rawPath, IReadOnlyList<string> segments, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        RawPath = rawPath;
        Segments = segments;
        Query = query;
    }

    public string RawPath { get; }

    public IReadOnlyList<string> Segments { get; }

    /// <summary>Decoded query options in order; names compared case-insensitively.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    public string DecodedPath => "/" + string.Join('/', Segments);

    public static RequestTarget Parse(string rawTarget)
    {
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question < 0 ? rawTarget : rawTarget[..question];
        var rawQuery = question < 0 ? "" : rawTarget[(question + 1)..];
        var segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var query = new List<KeyValuePair<string, string>>();
        // Batch step urls arrive percent-decoded (§6.2), so an '&' inside a filter literal must not split an option:
        // only an '&' followed by "name=" starts a new option.
        foreach (var part in OptionSeparator().Split(rawQuery))
        {
            if (part.Length == 0)
            {
                continue;
            }
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(part[(equals + 1)..]);
            query.Add(new(name, value));
        }
        return new RequestTarget(rawPath, segments, query);
    }

    public string? Option(string name)
    {
        foreach (var pair in Query)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }
        return null;
    }

    public bool Has(string name) => Option(name) is not null;

    /// <summary>The same path with the given options, fully percent-encoded, for nextLink/deltaLink values.</summary>
    public static string EncodeQuery(IEnumerable<KeyValuePair<string, string>> options) =>
        string.Join('&', options.Select(o => EncodeName(o.Key) + "=" + Uri.EscapeDataString(o.Value)));

    private static string EncodeName(string name) =>
        name.StartsWith('$') ? "$" + Uri.EscapeDataString(name[1..]) : Uri.EscapeDataString(name);

    [GeneratedRegex(@"&(?=\$?[A-Za-z][A-Za-z0-9_.]*=)")]
    private static partial Regex OptionSeparator();
}
