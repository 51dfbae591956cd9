using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Norddjurs.TeamsRisk.Benchmarks;

if (args.Contains("--cpu-time"))
{
    CpuTime.Run(20);
    return;
}

// One change per iteration: the distribution of single changes is what the latency budget (design.md §2) is about.
// --iterations N / --warmup N override the counts (the register export takes ~1 s per iteration, so it runs fewer).
int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
var job = Job.Default
    .WithInvocationCount(1).WithUnrollFactor(1)
    .WithOutlierMode(OutlierMode.DontRemove) // the slow tail is what p99 is for
    .WithWarmupCount(Option("--warmup", 20)).WithIterationCount(Option("--iterations", args.Contains("--short") ? 100 : 400))
    .WithToolchain(InProcessEmitToolchain.Instance);
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
string[] ours = ["--short", "--iterations", "--warmup"];
var passed = args.Where((a, i) => !ours.Contains(a) && (i == 0 || args[i - 1] is not ("--iterations" or "--warmup"))).ToArray();
var summaries = BenchmarkSwitcher.FromAssembly(typeof(StoreBenchmarks).Assembly).Run(passed, config);

// BenchmarkDotNet has no p99 column; print mean/p95/p99 from its own statistics.
Console.WriteLine();
Console.WriteLine("| benchmark | n | mean (µs) | p50 (µs) | p95 (µs) | p99 (µs) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var report in summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics is not null))
{
    var s = report.ResultStatistics!;
    string Us(double ns) => (ns / 1000).ToString("F1", CultureInfo.InvariantCulture);
    Console.WriteLine($"| {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} | {s.N} | {Us(s.Mean)} | {Us(s.Percentiles.P50)} | {Us(s.Percentiles.P95)} | {Us(s.Percentiles.Percentile(99))} |");
}
