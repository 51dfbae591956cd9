using System.Globalization;
using System.Text.Json;
using Norddjurs.TeamsRisk.LoadTest.Hosting;

namespace Norddjurs.TeamsRisk.LoadTest.Measuring;

/// <summary>The figures of one run, printed as a table and the targets of issue 6 item 5 checked against them.</summary>
internal sealed class Report(LoadOptions options, Recorder measured, TimeSpan elapsed, MemoryFigures? memory, FloorFigures? floor, FakeConnector connector, string? appLog)
{
    public const double TargetP99Ms = 100;
    public const double TargetFloorMultiple = 5;
    public const double TargetPeakRssMiB = 200;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly Percentiles _all = measured.All();
    private readonly Percentiles? _floorAll = floor?.Recorder.All();

    public double RequestsPerSecond => measured.RequestCount / elapsed.TotalSeconds;

    public double AssessmentsPerSecond => measured.CompletedAssessments / elapsed.TotalSeconds;

    public double? CpuMsPerRequest => memory is null || measured.RequestCount == 0 ? null : memory.CpuWhileMeasuring.TotalMilliseconds / measured.RequestCount;

    public double? FloorMultiple => _floorAll is { Count: > 0 } f && f.P99 > 0 ? _all.P99 / f.P99 : null;

    public void Print(TextWriter console)
    {
        var floorByLabel = floor?.Recorder.PerLabel().ToDictionary(p => p.Label, StringComparer.Ordinal) ?? [];
        console.WriteLine();
        console.WriteLine($"Norddjurs.TeamsRisk load test · {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z · {Environment.ProcessorCount} cores · .NET {Environment.Version}");
        var store = options.Store == StoreKind.SharePoint ? $"SharePoint store (Graph emulator, +{options.GraphLatency.TotalMilliseconds:0} ms per round trip)" : "SQLite store";
        console.WriteLine($"{options.Owners} concurrent owners × {options.AssessmentsPerOwner} assessments, /api/messages on loopback with RS256 tokens, {store}");
        console.WriteLine($"load model: {options.LoadModel}; the floor replays the same requests at the same pace");
        console.WriteLine();
        console.WriteLine($"{"card action",-22} {"n",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} │ {"floor p50",9} {"floor p99",9}");
        foreach (var p in measured.PerLabel().Append(_all))
        {
            var f = p.Label == "all" ? _floorAll : floorByLabel.GetValueOrDefault(p.Label);
            console.WriteLine($"{p.Label,-22} {p.Count,6} {Numbers.Ms(p.P50),8} {Numbers.Ms(p.P95),8} {Numbers.Ms(p.P99),8} {Numbers.Ms(p.Max),8} │ {Numbers.Ms(f?.P50 ?? double.NaN),9} {Numbers.Ms(f?.P99 ?? double.NaN),9}");
        }

        console.WriteLine();
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput: {RequestsPerSecond:0.0} requests/s, {AssessmentsPerSecond:0.00} assessments/s ({measured.CompletedAssessments} whole assessments, {measured.RequestCount} requests in {elapsed.TotalSeconds:0.0} s)"));
        if (floor is not null)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"floor: {floor.Recorder.RequestCount} requests in {floor.Elapsed.TotalSeconds:0.0} s ({floor.Recorder.RequestCount / floor.Elapsed.TotalSeconds:0} requests/s), {floor.Recorder.ErrorCount} errors; our p99 = {(FloorMultiple is { } m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "-")} × the floor's"));
        }

        console.WriteLine($"errors: {measured.ErrorCount}");
        foreach (var (kind, count) in measured.Errors.OrderByDescending(e => e.Value))
        {
            console.WriteLine($"  {count,6} × {kind}");
        }

        foreach (var sample in measured.ErrorSamples.Take(8))
        {
            console.WriteLine($"         e.g. {sample}");
        }

        if (memory is not null)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"app CPU while measuring: {memory.CpuWhileMeasuring.TotalSeconds:0.0} s user + system, {CpuMsPerRequest:0.00} ms per request"));
            console.WriteLine($"app memory: peak RSS (VmHWM) {Numbers.MiB(memory.PeakRssKb)} MiB; highest sampled VmRSS {Numbers.MiB(memory.MaxSampledRssKb)} MiB; VmRSS {Numbers.MiB(memory.RssBeforeKb)} MiB before measuring, {Numbers.MiB(memory.RssAfterKb)} MiB after");
        }

        var calls = connector.Calls.Count == 0 ? "none" : string.Join(", ", connector.Calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"));
        console.WriteLine($"connector (fake, whole run): {connector.TokenRequests} token requests; calls: {calls}; {connector.Unauthorized} without the token; {connector.RefusedTunnels} tunnels to other hosts refused{(connector.RefusedHosts.Count > 0 ? " (" + string.Join(", ", connector.RefusedHosts.Select(h => $"{h.Key} ×{h.Value}")) + ")" : string.Empty)}");
        if (appLog is not null)
        {
            console.WriteLine($"app log: {appLog}{(options.Keep ? string.Empty : " (deleted with the temp folder; --keep keeps it)")}");
        }

        console.WriteLine();
        console.WriteLine($"targets at 50 concurrent owners{(options.Owners == 50 ? string.Empty : $" (this run: {options.Owners})")}:");
        Target(console, $"p99 ≤ {TargetP99Ms:0} ms", _all.Count > 0 && _all.P99 <= TargetP99Ms, $"{Numbers.Ms(_all.P99)} ms (worst card action: {Worst()})");
        Target(console, $"p99 ≤ {TargetFloorMultiple:0} × floor", FloorMultiple is { } x && x <= TargetFloorMultiple, FloorMultiple is { } y ? $"{y.ToString("0.0", CultureInfo.InvariantCulture)} × ({Numbers.Ms(_floorAll!.P99)} ms)" : "not measured");
        Target(console, "0 errors", measured.ErrorCount == 0 && measured.CompletedAssessments > 0, $"{measured.ErrorCount} errors, {measured.CompletedAssessments} assessments completed");
        Target(console, $"peak RSS ≤ {TargetPeakRssMiB:0} MB", memory?.PeakRssKb is { } peak && peak / 1024.0 <= TargetPeakRssMiB, memory is null ? "not measured (--app-url)" : $"{Numbers.MiB(memory.PeakRssKb)} MiB");
    }

    public string Json() => JsonSerializer.Serialize(new
    {
        options.Owners,
        options.AssessmentsPerOwner,
        ThinkMs = options.Think.TotalMilliseconds,
        options.LoadModel,
        Store = options.Store.ToString(),
        Cores = Environment.ProcessorCount,
        ElapsedSeconds = elapsed.TotalSeconds,
        Requests = measured.RequestCount,
        measured.CompletedAssessments,
        RequestsPerSecond,
        AssessmentsPerSecond,
        Errors = measured.Errors,
        PerAction = measured.PerLabel(),
        All = _all,
        FloorAll = _floorAll,
        FloorPerAction = floor?.Recorder.PerLabel(),
        FloorMultiple,
        PeakRssMiB = memory?.PeakRssKb / 1024.0,
        MaxSampledRssMiB = memory?.MaxSampledRssKb / 1024.0,
        CpuMsPerRequest,
    }, JsonOptions);

    private string Worst() => measured.PerLabel().Where(p => p.Count > 0).MaxBy(p => p.P99) is { } worst ? $"{worst.Label} {Numbers.Ms(worst.P99)} ms" : "-";

    private static void Target(TextWriter console, string target, bool met, string actual) =>
        console.WriteLine($"  {(met ? "met    " : "MISSED ")} {target,-20} {actual}");
}
