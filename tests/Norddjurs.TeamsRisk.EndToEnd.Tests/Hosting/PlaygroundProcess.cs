using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;

/// <summary>
/// Microsoft's Agents Playground (teams-bot-protocol.md §6), the pinned copy in <c>.test-tools/playground</c>, as its
/// own Node process: headless, no telemetry, the repository's <c>.m365agentsplayground.yml</c>, pointed at the App.
/// Disposing kills its process tree.
/// </summary>
public sealed partial class PlaygroundProcess : IAsyncDisposable
{
    // Settings a developer's shell may carry that would change what the Playground sends (auth, channel, endpoint).
    private static readonly string[] Inherited =
    [
        "BOT_ENDPOINT", "DEFAULT_CHANNEL_ID", "TEAMSAPPTESTER_PORT", "AUTH_CLIENT_ID", "AUTH_CLIENT_SECRET", "AUTH_TENANT_ID",
        "M365_AGENTS_PLAYGROUND_SERVICE_URL", "M365_AGENTS_PLAYGROUND_CONVERSATION_ID", "M365_AGENTS_PLAYGROUND_DELIVERY_MODE",
        "M365_AGENTS_PLAYGROUND_TARGET_SDK", "TEAMS_APP_TEST_TOOL_CONFIG_PATH",
    ];

    private readonly Process _process;
    private readonly string _folder;

    private PlaygroundProcess(Process process, string folder, ProcessOutput output)
    {
        _process = process;
        _folder = folder;
        Output = output;
    }

    public ProcessOutput Output { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<PlaygroundProcess> StartAsync(Uri appEndpoint)
    {
        ArgumentNullException.ThrowIfNull(appEndpoint);
        if (!File.Exists(RepoPaths.PlaygroundCli))
        {
            throw new InvalidOperationException(
                $"The Agents Playground is not installed ({RepoPaths.PlaygroundCli}): run scripts/test-setup/30-playground.sh (./test.sh does).");
        }

        var folder = Directory.CreateTempSubdirectory("teamsrisk-playground-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     RepoPaths.PlaygroundCli, "--app-endpoint", appEndpoint.ToString(), "--channel-id", "msteams",
                     "--port", FreePort().ToString(CultureInfo.InvariantCulture), "--disable-telemetry",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in Inherited)
        {
            start.Environment.Remove(name);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true";
        start.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = RepoPaths.PlaygroundConfig;
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(folder, "m365agentsplayground.log");

        var output = new ProcessOutput("The Agents Playground");
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        output.Attach(process);
        var playground = new PlaygroundProcess(process, folder, output);
        try
        {
            // It falls back to another free port when the one asked for is taken; the line names the one it has.
            var listening = await output.WaitForAsync(ListeningLine(), process, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            playground.BaseAddress = new Uri($"http://127.0.0.1:{listening.Groups["port"].Value}/");
            return playground;
        }
        catch
        {
            await playground.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>What the Playground logged (it writes its log to a file, not its console): the activities it sent and got.</summary>
    public string LogFile()
    {
        try
        {
            using var stream = new FileStream(Path.Combine(_folder, "m365agentsplayground.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException e)
        {
            return $"(no log file: {e.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Processes.StopAsync(_process).ConfigureAwait(false);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Listening on (?<port>\d+)")]
    private static partial Regex ListeningLine();
}
