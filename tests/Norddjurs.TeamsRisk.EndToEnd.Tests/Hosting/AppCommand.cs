using System.Diagnostics;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;

/// <summary>One of the App's commands (<c>provision</c>, <c>verify-audit</c>) run as the README runs it, to its exit.</summary>
public static class AppCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Norddjurs.TeamsRisk.App.dll"), .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        var output = new ProcessOutput("The App's command");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        output.Attach(process);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        // The exit is seen before the last lines are read; WaitForExit() (no timeout) drains them.
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
