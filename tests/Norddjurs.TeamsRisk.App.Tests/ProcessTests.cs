using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Norddjurs.TeamsRisk.App.Tests;

/// <summary>The README's main job, as a real process on Kestrel over loopback.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task The_app_process_serves_healthz_on_loopback_in_Development()
    {
        var port = FreePort();
        var appDll = Path.Combine(AppContext.BaseDirectory, "Norddjurs.TeamsRisk.App.dll");
        var start = new ProcessStartInfo("dotnet", [appDll])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var status = await PollAsync(client, new Uri($"http://127.0.0.1:{port}/healthz"), process);
            Assert.True(status == HttpStatusCode.OK, $"healthz answered {status}; app output:{Environment.NewLine}{output}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<HttpStatusCode?> PollAsync(HttpClient client, Uri uri, Process process)
    {
        // Wait for a condition, bounded: the app is up when it answers, or has failed when it exits.
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(uri);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
