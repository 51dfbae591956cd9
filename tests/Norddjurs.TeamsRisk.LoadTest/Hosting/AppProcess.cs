using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Norddjurs.TeamsRisk.LoadTest.Hosting;

/// <summary>
/// The app as a child process, so its memory is its own: built (unless <c>--no-build</c>), its output copied to a temp
/// folder where the seeded directory is replaced by the load tool's, and started with <c>dotnet Norddjurs.TeamsRisk.App.dll</c>
/// on a free loopback port. Its peak RSS is the kernel's <c>VmHWM</c>; <c>VmRSS</c> is sampled every 100 ms as well.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    public const string ProjectPath = "src/Norddjurs.TeamsRisk.App";
    private const string AppDll = "Norddjurs.TeamsRisk.App.dll";
    private const string DirectoryFile = "Identity/seeded-directory.json";

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly CancellationTokenSource _sampling = new();
    private readonly Task _sampler;
    private long _maxSampledRssKb;

    private AppProcess(Process process, StreamWriter log, Uri baseUrl, string logPath)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
        LogPath = logPath;
        _sampler = SampleAsync(_sampling.Token);
    }

    public Uri BaseUrl { get; }

    public string LogPath { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The highest VmRSS seen by the 100 ms sampler, in KiB.</summary>
    public long MaxSampledRssKb => Interlocked.Read(ref _maxSampledRssKb);

    /// <summary>Builds the app (Release by default) and returns its output folder.</summary>
    public static async Task<string> BuildAsync(string repositoryRoot, string configuration, bool noBuild, TextWriter console)
    {
        var project = Path.Combine(repositoryRoot, ProjectPath);
        if (!noBuild)
        {
            console.WriteLine($"Building the app ({configuration}) …");
            var exit = await RunAsync("dotnet", ["build", project, "-c", configuration, "--nologo", "-v", "q", "-clp:ErrorsOnly"], repositoryRoot, console);
            if (exit != 0)
            {
                throw new InvalidOperationException($"dotnet build {ProjectPath} failed with exit code {exit}.");
            }
        }

        var output = Path.Combine(project, "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(output, AppDll))
            ? output
            : throw new InvalidOperationException($"{Path.Combine(output, AppDll)} does not exist; build the app or leave out --no-build.");
    }

    /// <summary>Copies the build output to <paramref name="folder"/>/app and writes the load tool's directory over the app's.</summary>
    public static string Stage(string buildOutput, string folder, Func<string, string> directoryJson)
    {
        var app = Path.Combine(folder, "app");
        foreach (var file in Directory.EnumerateFiles(buildOutput, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(app, Path.GetRelativePath(buildOutput, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        var directory = Path.Combine(app, DirectoryFile);
        File.WriteAllText(directory, directoryJson(File.ReadAllText(directory)));
        return app;
    }

    /// <summary>Starts the staged app with <paramref name="settings"/> as environment variables (<c>Bot__AppId</c>, …) and waits for <c>/healthz</c>.</summary>
    public static async Task<AppProcess> StartAsync(string appFolder, IReadOnlyDictionary<string, string> settings, TimeSpan startTimeout)
    {
        var port = FreeLoopbackPort();
        var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo(DotnetHost(), [Path.Combine(appFolder, AppDll)])
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        // Unprefixed environment variables come after appsettings.Development.json (which sets Urls to :3978).
        start.Environment["Urls"] = baseUrl.AbsoluteUri.TrimEnd('/');
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var logPath = Path.Combine(Path.GetDirectoryName(appFolder)!, "app.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, log, baseUrl, logPath);
        try
        {
            await app.WaitHealthyAsync(startTimeout);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The kernel's peak resident set (<c>VmHWM</c>) in KiB, or null when it cannot be read (not Linux, exited).</summary>
    public long? PeakRssKb() => StatusField("VmHWM");

    public long? CurrentRssKb() => StatusField("VmRSS");

    /// <summary>User plus system CPU time the app has used so far, on all cores.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        await _sampling.CancelAsync();
        try
        {
            await _sampler;
        }
        catch (OperationCanceledException)
        {
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }

        _sampling.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} while starting; see {LogPath}.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseUrl, "healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app did not answer /healthz within {timeout.TotalSeconds:0} s; see {LogPath}.");
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (CurrentRssKb() is { } rss && rss > Interlocked.Read(ref _maxSampledRssKb))
            {
                Interlocked.Exchange(ref _maxSampledRssKb, rss);
            }
        }
    }

    private long? StatusField(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var parts = line[(field.Length + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The dotnet host running this tool (<c>DOTNET_HOST_PATH</c> under <c>dotnet run</c>), else <c>dotnet</c> on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static async Task<int> RunAsync(string file, IEnumerable<string> args, string workingDirectory, TextWriter console)
    {
        var start = new ProcessStartInfo(file, args) { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            console.WriteLine(await output);
            console.WriteLine(await error);
        }

        return process.ExitCode;
    }
}
