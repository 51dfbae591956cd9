using System.Diagnostics;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;

internal static class Processes
{
    /// <summary>Kills the process and everything it started (npx, node), and waits a bounded time for it to go.</summary>
    public static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        catch (OperationCanceledException)
        {
            // Still exiting after the kill; the OS reaps it.
        }
        finally
        {
            process.Dispose();
        }
    }
}
