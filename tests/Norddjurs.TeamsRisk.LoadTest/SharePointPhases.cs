using System.Diagnostics;
using System.Text.Json;
using Norddjurs.TeamsRisk.GraphEmulator.Admin;
using Norddjurs.TeamsRisk.LoadTest.Hosting;
using Norddjurs.TeamsRisk.LoadTest.Measuring;

namespace Norddjurs.TeamsRisk.LoadTest;

/// <summary>One register read through the app's API: what was asked, how many entries came back, its time and Graph traffic.</summary>
internal sealed record RegisterRead(string Request, int Entries, TimeSpan Elapsed, GraphTally Graph);

/// <summary>One card action in the trace (one owner alone): Graph round trips per click and the longest sequential chain.</summary>
internal sealed record ActionGraph(string Label, int Clicks, double RoundTripsPerClick, int MaxRoundTrips, int MaxSequential, int JobRequests, string LastClick, string SlowestClick);

/// <summary>What SharePoint mode measures beyond the bot's latencies (issue 7 item 8).</summary>
internal sealed record SharePointFigures(
    TimeSpan Latency,
    int SeededAssessments,
    int SeededLines,
    IReadOnlyList<RegisterRead> Register,
    IReadOnlyList<ActionGraph> Trace,
    GraphTally Idle,
    TimeSpan IdleWindow,
    GraphTally Measured,
    TimeSpan MeasuredWindow);

/// <summary>What SharePoint mode found before measuring, and where the Graph log stood when measuring began.</summary>
internal sealed record BeforeMeasuring(IReadOnlyList<RegisterRead> Register, GraphTally Idle, TimeSpan IdleWindow, IReadOnlyList<ActionGraph> Trace, long Mark);

/// <summary>The SharePoint-only steps of a run: the register read, the idle background traffic, the per-action trace.</summary>
internal static class SharePointPhases
{
    /// <summary>
    /// The register as the tab and the committee's overview read it: <c>GET /api/assessments</c> (every assessment, the
    /// coordinator sees all) and <c>GET /api/systems</c>, each timed with the Graph requests made meanwhile.
    /// </summary>
    public static async Task<IReadOnlyList<RegisterRead>> ReadRegisterAsync(Uri appUrl, GraphSite site)
    {
        using var http = new HttpClient { BaseAddress = appUrl, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Dev-User", LoadData.CoordinatorObjectId);
        var reads = new List<RegisterRead>();
        foreach (var request in new[] { "api/assessments", "api/systems?pageSize=200", "api/assessments" })
        {
            var mark = Mark(site);
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri(request, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = clock.Elapsed;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET /{request} answered {(int)response.StatusCode}: {body}");
            }

            reads.Add(new RegisterRead("GET /" + request, Entries(body), elapsed, GraphTally.Of(Since(site, mark), site.ListKeys)));
        }

        return reads;
    }

    /// <summary>Graph traffic while no one clicks: the jobs' polling, subtracted in thought from the per-assessment count.</summary>
    public static async Task<(GraphTally Tally, TimeSpan Window)> IdleAsync(GraphSite site, TimeSpan window)
    {
        var mark = Mark(site);
        await Task.Delay(window);
        return (GraphTally.Of(Since(site, mark), site.ListKeys), window);
    }

    /// <summary>The requests the emulator logged during each click of the trace, per card action.</summary>
    public static IReadOnlyList<ActionGraph> PerAction(IReadOnlyCollection<RequestSpan> spans, IReadOnlyList<RequestLogEntry> log, GraphSite site, TimeSpan latency)
    {
        var ordered = log.OrderBy(e => e.Sequence).ToList();
        var outer = new List<(RequestLogEntry Entry, bool Job)>();
        var steps = new List<RequestLogEntry>();
        foreach (var entry in ordered)
        {
            if (entry.IsBatchStep)
            {
                steps.Add(entry);
                continue;
            }

            outer.Add((entry, GraphTally.IsJob(entry, steps, site.ListKeys)));
            steps.Clear();
        }

        var slack = TimeSpan.FromMilliseconds(5);
        return [.. spans.GroupBy(s => s.Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(clicks =>
        {
            var perClick = clicks.Select(click => outer.Where(o => o.Entry.At >= click.Started && o.Entry.At <= click.Ended + slack).ToList()).ToList();
            var ours = perClick.Select(c => c.Where(o => !o.Job).Select(o => o.Entry).ToList()).ToList();
            var slowest = Enumerable.Range(0, ours.Count).MaxBy(i => GraphTally.Sequential(ours[i], latency));
            string Requests(int click) => string.Join(" → ", perClick[click].Select(o => (o.Job ? "job: " : string.Empty) + GraphTally.Name(o.Entry, site.ListKeys)));
            return new ActionGraph(
                clicks.Key,
                perClick.Count,
                ours.Average(c => c.Count),
                ours.Max(c => c.Count),
                ours.Max(c => GraphTally.Sequential(c, latency)),
                perClick.Sum(c => c.Count(o => o.Job)),
                Requests(perClick.Count - 1),
                Requests(slowest));
        })];
    }

    public static long Mark(GraphSite site) => site.RequestLog is [.., var last] ? last.Sequence : 0;

    public static IReadOnlyList<RequestLogEntry> Since(GraphSite site, long mark) => [.. site.RequestLog.Where(e => e.Sequence > mark)];

    private static int Entries(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return root.ValueKind == JsonValueKind.Array ? root.GetArrayLength()
            : root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array ? items.GetArrayLength()
            : -1;
    }
}
