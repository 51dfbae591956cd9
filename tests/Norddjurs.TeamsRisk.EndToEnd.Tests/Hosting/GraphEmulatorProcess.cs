using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Norddjurs.TeamsRisk.Graph.Lists;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;

/// <summary>
/// The standalone Graph emulator as the README runs it (<c>dotnet run --project tests/Norddjurs.TeamsRisk.GraphEmulator --
/// --port … --site …</c>), here its built dll on a port Kestrel picks. Its lists are read back over Graph's own item
/// endpoints, as anyone with the emulator's URL could. Disposing kills it; its state goes with it.
/// </summary>
public sealed partial class GraphEmulatorProcess : IAsyncDisposable
{
    private const string Name = "Norddjurs.TeamsRisk.GraphEmulator";

    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private GraphEmulatorProcess(Process process, ProcessOutput output)
    {
        _process = process;
        Output = output;
    }

    public ProcessOutput Output { get; }

    /// <summary><c>http://127.0.0.1:{port}/v1.0</c>: the App's <c>Graph:BaseUrl</c>.</summary>
    public string BaseUrl { get; private set; } = null!;

    public static async Task<GraphEmulatorProcess> StartAsync(Uri site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var start = new ProcessStartInfo("dotnet", [DllPath(), "--port", "0", "--site", site.AbsoluteUri.TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var output = new ProcessOutput("The Graph emulator");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        output.Attach(process);
        var emulator = new GraphEmulatorProcess(process, output);
        try
        {
            emulator.BaseUrl = (await output.WaitForAsync(ListeningLine(), process, TimeSpan.FromSeconds(30)).ConfigureAwait(false)).Groups["url"].Value;
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Every item's fields of one of the app's lists (by its schema key), found through the TeamsRiskConfig list as the store finds it.</summary>
    public async Task<IReadOnlyList<JsonObject>> ItemsAsync(Uri site, string listKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        var siteId = (string)(await GetAsync($"{BaseUrl}/sites/{site.Host}:{site.AbsolutePath.TrimEnd('/')}?$select=id", cancellationToken))["id"]!;
        var lists = await GetAsync($"{BaseUrl}/sites/{siteId}/lists?$filter={Uri.EscapeDataString($"displayName eq '{ListSchema.ConfigListKey}'")}&$select=id", cancellationToken);
        var configListId = (string)lists["value"]![0]!["id"]!;
        var config = await AllFieldsAsync($"{BaseUrl}/sites/{siteId}/lists/{configListId}/items?$expand=fields", cancellationToken);
        var listId = (string?)config.Single(f => (string?)f[ColumnNames.ConfigKey] == ListSchema.ListConfigKey(listKey))[ColumnNames.ConfigValue];
        return await AllFieldsAsync($"{BaseUrl}/sites/{siteId}/lists/{listId}/items?$expand=fields", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Processes.StopAsync(_process).ConfigureAwait(false);
    }

    private async Task<List<JsonObject>> AllFieldsAsync(string url, CancellationToken cancellationToken)
    {
        var all = new List<JsonObject>();
        for (string? next = url; next is not null;)
        {
            var page = await GetAsync(next, cancellationToken).ConfigureAwait(false);
            all.AddRange(page["value"]!.AsArray().Select(item => item!["fields"]!.AsObject()));
            next = (string?)page["@odata.nextLink"];
        }

        return all;
    }

    private async Task<JsonObject> GetAsync(string url, CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<JsonObject>(new Uri(url), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"GET {url}: no body");

    /// <summary>Built beside this project (same configuration and framework) by a project reference that copies nothing.</summary>
    private static string DllPath()
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var path = Path.Combine(RepoPaths.Root, "tests", Name, "bin", output.Parent!.Name, output.Name, Name + ".dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"The Graph emulator is not built at {path}.");
    }

    [GeneratedRegex(@"Graph emulator on (?<url>http://127\.0\.0\.1:\d+/v1\.0)")]
    private static partial Regex ListeningLine();
}
