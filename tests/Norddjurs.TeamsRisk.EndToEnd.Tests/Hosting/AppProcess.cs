using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;

/// <summary>
/// The built App as its own process, as the README runs it: Development (seeded directory, demo systems, the bot without
/// a token on loopback), Kestrel on 127.0.0.1 at a port it picks, a SQLite file in a temp folder. Disposing kills it
/// and deletes the folder.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private AppProcess(Process process, string folder, ProcessOutput output)
    {
        _process = process;
        _folder = folder;
        Output = output;
    }

    public ProcessOutput Output { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where the bot listens: the Playground's <c>--app-endpoint</c>.</summary>
    public Uri MessagesEndpoint => new(BaseAddress, "api/messages");

    public string DatabasePath => Path.Combine(_folder, "teamsrisk.db");

    /// <summary>Starts the App; <paramref name="settings"/> (configuration keys with ':') are added to its environment.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("teamsrisk-e2e-").FullName;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Norddjurs.TeamsRisk.App.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        // Port 0: Kestrel picks a free port and logs it, so two runs never race for one.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Storage__Sqlite__Path"] = Path.Combine(folder, "teamsrisk.db");
        start.Environment["Bot__AllowUnauthenticatedLocalDevelopment"] = "true";
        // The jobs are woken at commit; a short poll only bounds how long a missed wake-up would cost.
        start.Environment["Outbox__PollInterval"] = "00:00:00.500";
        start.Environment["Audit__PollInterval"] = "00:00:00.500";
        start.Environment["Outbox__MaxIdleInterval"] = "00:00:00.500";
        start.Environment["Audit__MaxIdleInterval"] = "00:00:00.500";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var output = new ProcessOutput("The App");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        output.Attach(process);
        var app = new AppProcess(process, folder, output);
        try
        {
            var listening = await output.WaitForAsync(ListeningLine(), process, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            var port = int.Parse(listening.Groups["port"].Value, CultureInfo.InvariantCulture);
            app.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
            await app.WaitHealthyAsync(cancellationToken).ConfigureAwait(false);
            return app;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await Processes.StopAsync(_process).ConfigureAwait(false);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the test result is what matters.
        }
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"The App did not answer /healthz with 200. Its output:{Environment.NewLine}{Output}");
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
