using System.Diagnostics;
using System.Globalization;

namespace Norddjurs.TeamsRisk.Benchmarks;

/// <summary>
/// <c>--cpu-time</c>: the process CPU time per call of each register benchmark, which a shared, overloaded machine
/// does not inflate the way it inflates wall-clock percentiles (the run queue adds wait, not CPU).
/// </summary>
internal static class CpuTime
{
    public static void Run(int calls)
    {
        var bench = new RegisterBenchmarks();
        bench.Seed();
        try
        {
            Measure("register: first page", calls, () => bench.FirstPage());
            Measure("register: filtered page 3", calls, () => bench.FilteredPage());
            Measure("heatmap", calls, () => bench.Heatmap());
            Measure("xlsx export", Math.Max(1, calls / 5), () => bench.Export());
        }
        finally
        {
            bench.Delete();
        }
    }

    private static void Measure<T>(string name, int calls, Func<Task<T>> call)
    {
        call().GetAwaiter().GetResult(); // warm-up: JIT and the first read of the file
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            call().GetAwaiter().GetResult();
        }

        process.Refresh();
        var perCall = (process.TotalProcessorTime - cpu).TotalMilliseconds / calls;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {calls} | {perCall:F1} ms CPU | {wall.Elapsed.TotalMilliseconds / calls:F1} ms wall |"));
    }
}
