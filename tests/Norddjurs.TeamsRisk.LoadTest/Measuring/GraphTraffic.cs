using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.GraphEmulator.Admin;

namespace Norddjurs.TeamsRisk.LoadTest.Measuring;

/// <summary>
/// Graph requests as the emulator logged them: a round trip is one HTTP request (a <c>$batch</c> is one, its steps are
/// counted apart as sub-requests), named by method and the schema's list key (<c>GET assessment</c>, <c>$batch</c>).
/// </summary>
internal sealed record GraphTally(int RoundTrips, int SubRequests, IReadOnlyDictionary<string, int> ByTarget)
{
    /// <summary>The lists only background jobs (sealer, dispatcher, leases) reach at the top level; a card action writes them inside its <c>$batch</c>.</summary>
    private static readonly HashSet<string> JobLists = new(StringComparer.Ordinal)
    {
        ListSchema.OutboxKey, ListSchema.AuditIntentsKey, ListSchema.AuditEntriesKey, ListSchema.AuditHeadKey, ListSchema.LeasesKey,
    };

    public static GraphTally Of(IEnumerable<RequestLogEntry> entries, IReadOnlyDictionary<string, string> listKeys)
    {
        var all = entries.ToList();
        var outer = all.Where(e => !e.IsBatchStep).ToList();
        var byTarget = outer.GroupBy(e => Name(e, listKeys), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new GraphTally(outer.Count, all.Count - outer.Count, byTarget);
    }

    /// <summary>"GET assessment", "PATCH Outbox", "$batch", "GET site": the method and the list (or the last path segment).</summary>
    public static string Name(RequestLogEntry entry, IReadOnlyDictionary<string, string> listKeys)
    {
        var path = entry.Target.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (path.Length > 1 && path[^1] == "$batch")
        {
            return "$batch";
        }

        var list = Array.IndexOf(path, "lists");
        var where = list >= 0 && list + 1 < path.Length ? listKeys.GetValueOrDefault(path[list + 1], "list?") : path.Length > 0 ? path[^1] : "/";
        return $"{entry.Method} {where}";
    }

    /// <summary>
    /// Whether a request is a background job's: a top-level request to a job list, or a <c>$batch</c> whose steps
    /// (logged just before it) reach only job lists. A card action's batch always writes its applied-change row.
    /// </summary>
    public static bool IsJob(RequestLogEntry entry, IReadOnlyList<RequestLogEntry> stepsBefore, IReadOnlyDictionary<string, string> listKeys)
    {
        var name = Name(entry, listKeys);
        return name == "$batch"
            ? stepsBefore.Count > 0 && stepsBefore.All(s => JobLists.Contains(ListOf(Name(s, listKeys))))
            : JobLists.Contains(ListOf(name));
    }

    /// <summary>
    /// The longest chain of requests that cannot have overlapped, each taking at least <paramref name="latency"/>
    /// (ends are the log's times): the sequential round trips on a click's critical path.
    /// </summary>
    public static int Sequential(IEnumerable<RequestLogEntry> requests, TimeSpan latency)
    {
        var chain = 0;
        DateTimeOffset? lastEnd = null;
        foreach (var request in requests.OrderBy(r => r.At))
        {
            if (lastEnd is not { } end || request.At - latency >= end - TimeSpan.FromMilliseconds(2))
            {
                chain++;
                lastEnd = request.At;
            }
        }

        return chain;
    }

    private static string ListOf(string name) => name[(name.IndexOf(' ', StringComparison.Ordinal) + 1)..];
}
