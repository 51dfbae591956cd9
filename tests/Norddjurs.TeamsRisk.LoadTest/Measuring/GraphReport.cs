using System.Globalization;

namespace Norddjurs.TeamsRisk.LoadTest.Measuring;

/// <summary>SharePoint mode's figures (issue 7 item 8) and its targets: E/20 + 6 round trips per assessment, ≤ 2 sequential per card action.</summary>
internal sealed class GraphReport(SharePointFigures figures, Recorder measured, int owners)
{
    public const int TargetSequentialPerAction = 2;

    /// <summary>E: risk lines (events) per completed assessment, from the Score steps of the completed walks (one per selected event).</summary>
    public double EventsPerAssessment => measured.CompletedAssessments == 0 ? double.NaN
        : measured.CompletedEvents / (double)measured.CompletedAssessments;

    public double RoundTripsPerAssessment => figures.Measured.RoundTrips / (double)measured.CompletedAssessments;

    /// <summary>The jobs' idle polling over the measured window, per assessment: part of "in all", but not caused by it.</summary>
    public double IdlePerAssessment =>
        figures.Idle.RoundTrips / figures.IdleWindow.TotalSeconds * figures.MeasuredWindow.TotalSeconds / measured.CompletedAssessments;

    public double TargetPerAssessment => (EventsPerAssessment / 20) + 6;

    /// <summary>The card-action p99 target: two round trips of the emulated latency plus the 150 ms of the issue's own budget (450 ms at 150 ms).</summary>
    public double TargetP99Ms => (TargetSequentialPerAction + 1) * figures.Latency.TotalMilliseconds;

    public void Print(TextWriter console)
    {
        var latency = figures.Latency.TotalMilliseconds;
        console.WriteLine();
        console.WriteLine(Invariant($"SharePoint (Graph emulator, +{latency:0} ms per round trip; a $batch is one round trip, its steps are sub-requests)"));
        console.WriteLine(Invariant($"register: {figures.SeededAssessments} assessments with {figures.SeededLines} risk lines seeded through the bot (no added latency), then read as the coordinator:"));
        foreach (var read in figures.Register)
        {
            console.WriteLine(Invariant($"  {read.Request,-28} {read.Entries,5} entries {read.Elapsed.TotalMilliseconds,8:0} ms  {read.Graph.RoundTrips,3} round trips ({Targets(read.Graph)}), {read.Graph.SubRequests} sub-requests"));
        }

        console.WriteLine(Invariant($"per card action: p99 with {owners} owners; Graph round trips per click from a trace of one owner alone (mean, max; sequential = the longest chain that cannot overlap)"));
        console.WriteLine($"{"card action",-22} {"p99 ms",8} {"trips/click",11} {"max",4} {"sequential",10} {"jobs",5}");
        var p99 = measured.PerLabel().ToDictionary(p => p.Label, StringComparer.Ordinal);
        foreach (var action in figures.Trace)
        {
            console.WriteLine(Invariant($"{action.Label,-22} {Numbers.Ms(p99.GetValueOrDefault(action.Label)?.P99 ?? double.NaN),8} {action.RoundTripsPerClick,11:0.0} {action.MaxRoundTrips,4} {action.MaxSequential,10} {action.JobRequests,5}"));
        }

        console.WriteLine("  (jobs: requests of the sealer, dispatcher or leases that fell inside a click, not counted in its trips)");
        console.WriteLine("the last click of each action in the trace, its Graph requests in the order they ended:");
        foreach (var action in figures.Trace)
        {
            console.WriteLine($"  {action.Label}: {action.LastClick}");
            if (action.MaxSequential > TargetSequentialPerAction && action.SlowestClick != action.LastClick)
            {
                console.WriteLine($"    its slowest click ({action.MaxSequential} sequential): {action.SlowestClick}");
            }
        }

        console.WriteLine(Invariant($"measured phase: {figures.Measured.RoundTrips} round trips + {figures.Measured.SubRequests} sub-requests in {figures.MeasuredWindow.TotalSeconds:0} s (with 10 s after the last click for the jobs) for {measured.CompletedAssessments} assessments"));
        console.WriteLine($"  by target: {Targets(figures.Measured)}");
        console.WriteLine(Invariant($"  idle (no clicks, {figures.IdleWindow.TotalSeconds:0} s): {figures.Idle.RoundTrips} round trips ({Targets(figures.Idle)})"));
        console.WriteLine();
        console.WriteLine("targets (issue 7 item 8):");
        var perAssessment = RoundTripsPerAssessment;
        var submit = figures.Trace.FirstOrDefault(a => a.Label == SubmitLabel);
        Target(console, Invariant($"≤ E/20 + 6 = {TargetPerAssessment:0.0} round trips per completed assessment (E = {EventsPerAssessment:0.0}), read as its submission"),
            submit is not null && submit.RoundTripsPerClick <= TargetPerAssessment,
            submit is null ? "no trace" : Invariant($"{submit.RoundTripsPerClick:0.0} (flow.submit, {submit.MaxSequential} sequential; the snapshot holds every risk line, so E does not add any)"));
        console.WriteLine(Invariant($"          the whole walk in all, every click saved at once (design.md §2, §8) and the jobs: {perAssessment:0.0} per assessment ({IdlePerAssessment:0.0} of them idle polling), {figures.Measured.SubRequests / (double)measured.CompletedAssessments:0.0} sub-requests"));
        var cardActions = figures.Trace.Where(a => IsCardAction(a.Label)).ToList();
        var worst = cardActions.MaxBy(a => a.MaxSequential);
        Target(console, $"≤ {TargetSequentialPerAction} sequential round trips per card action", worst is not null && worst.MaxSequential <= TargetSequentialPerAction,
            worst is null ? "no trace" : $"worst {worst.Label}: {worst.MaxSequential}");
        var invokes = measured.Of(IsCardAction);
        Target(console, Invariant($"card-action p99 ≤ {TargetP99Ms:0} ms"), invokes.Count > 0 && invokes.P99 <= TargetP99Ms,
            $"{Numbers.Ms(invokes.P99)} ms over {invokes.Count} clicks (worst: {Worst(IsCardAction)})");
        var others = figures.Trace.Where(a => !IsCardAction(a.Label)).Select(a => Invariant($"{a.Label} {Numbers.Ms(p99.GetValueOrDefault(a.Label)?.P99 ?? double.NaN)} ms, {a.MaxSequential} sequential"));
        console.WriteLine($"          not card actions (answered 200 at once, the reply leaves through the outbox): {string.Join("; ", others)}; all requests p99 {Numbers.Ms(measured.All().P99)} ms");
    }

    private const string SubmitLabel = "flow.submit";

    /// <summary>The Teams invokes a person waits on (Universal Actions); the install and a typed message are not card actions.</summary>
    private static bool IsCardAction(string label) => label is not ("install" or "message start");

    private string Worst(Func<string, bool> which) =>
        measured.PerLabel().Where(p => p.Count > 0 && which(p.Label)).MaxBy(p => p.P99) is { } w ? $"{w.Label} {Numbers.Ms(w.P99)} ms" : "-";

    private static string Targets(GraphTally tally) =>
        tally.ByTarget.Count == 0 ? "none" : string.Join(", ", tally.ByTarget.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Value} {t.Key}"));

    private static void Target(TextWriter console, string target, bool met, string actual) =>
        console.WriteLine($"  {(met ? "met    " : "MISSED ")} {target}: {actual}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
