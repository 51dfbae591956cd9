using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Norddjurs.TeamsRisk.LoadTest;
using Norddjurs.TeamsRisk.LoadTest.Hosting;
using Norddjurs.TeamsRisk.LoadTest.Measuring;
using Norddjurs.TeamsRisk.LoadTest.Walk;
using Norddjurs.TeamsRisk.Testing.Identity;

// The benchmark of issue 6 item 5; tests/Norddjurs.TeamsRisk.LoadTest/README.md says what it does and how to read it.
if (args.Any(a => a is "-h" or "--help"))
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

var options = LoadOptions.Parse(args, out var usageError);
if (options is null)
{
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

try
{
    return await LoadRun.RunAsync(options, Console.Out);
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
{
    Console.Error.WriteLine($"The load test could not run: {e.Message}");
    return 1;
}

namespace Norddjurs.TeamsRisk.LoadTest
{
    /// <summary>One run: set up, warm up, measure the app, measure the floor with the same requests, report.</summary>
    internal static class LoadRun
    {
        /// <summary>The bot's app id in the run: the <c>aud</c> of every token and <c>Bot:AppId</c> of the app.</summary>
        public const string BotAppId = "10ad7e57-0000-4000-8000-00000000b0b0";

        public static async Task<int> RunAsync(LoadOptions options, TextWriter console)
        {
            var root = RepositoryRoot();
            var folder = Directory.CreateTempSubdirectory("teamsrisk-loadtest-").FullName;
            var appDirectoryJson = await File.ReadAllTextAsync(Path.Combine(root, AppProcess.ProjectPath, "Identity", "seeded-directory.json"));
            var tenantId = JsonDocument.Parse(appDirectoryJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
                .RootElement.GetProperty("tenantId").GetString()!;
            var sharePoint = options.Store == StoreKind.SharePoint;
            var data = LoadData.Create(options.Owners, options.AssessmentsPerOwner, options.WarmupOwners, options.SeedAssessmentsPerOwner, sharePoint ? 1 : 0, tenantId);
            var channel = new Channel(BotAppId, tenantId, $"https://{FakeConnector.ConnectorHost}/emea/{tenantId}/");

            await using var issuer = await BotConnectorIssuer.StartAsync();
            await using var connector = await FakeConnector.StartAsync(folder);
            // The API's Entra ID sign-in reads its metadata at the first request with a Bearer header, and /api/messages
            // requests carry one; served on loopback so that fetch succeeds and is cached, as it is in production.
            await using var entra = await TestTokenIssuer.StartAsync();
            await using var graph = sharePoint ? await GraphSite.StartAsync(console) : null;
            AppProcess? app = null;
            try
            {
                Uri appUrl;
                if (options.AppUrl is { } external)
                {
                    appUrl = external;
                    console.WriteLine($"Target: the running app at {appUrl} (no launch, no RSS).");
                }
                else
                {
                    var build = await AppProcess.BuildAsync(root, options.Configuration, options.NoBuild, console);
                    var staged = AppProcess.Stage(build, folder, json => LoadData.DirectoryJson(json, data.Owners));
                    app = await AppProcess.StartAsync(staged, AppSettings(folder, tenantId, issuer, connector, entra, graph), TimeSpan.FromSeconds(60));
                    appUrl = app.BaseUrl;
                    var store = graph is null ? $"SQLite in {folder}" : $"SharePoint lists at {GraphSite.SiteUrl} through {graph.BaseUrl}";
                    console.WriteLine($"App: pid {app.ProcessId} at {appUrl} ({options.Configuration}, Development, {store}, token validation on).");
                }

                await RoundSetup.RunAsync(appUrl, data, sharePoint ? SharePointImportPart : null, console);
                var tokens = new TokenMinter(issuer, channel);
                using var http = new HttpClient(new SocketsHttpHandler
                {
                    MaxConnectionsPerServer = int.MaxValue,
                    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                    UseProxy = false,
                })
                { Timeout = options.RequestTimeout };

                // Warm-up: the app's JIT, key cache, connection pool and SQLite pages, with owners that are not measured.
                var warm = new Recorder { KeepRequests = options.Floor };
                if (data.Warmup.Count > 0)
                {
                    // SharePoint mode: the warm-up seeds the register in a closed loop before Graph gets its latency.
                    var seeding = options.SeedAssessmentsPerOwner;
                    console.WriteLine($"Warm-up: {data.Warmup.Count} owners, {seeding} assessment{(seeding == 1 ? string.Empty : "s")} each{(sharePoint ? ", closed loop, no added Graph latency (seeding the register)" : string.Empty)} …");
                    // Seeding owners go 5 at a time: more, in a closed loop on 2 shared cores, push clicks past the invoke's 4 s budget.
                    foreach (var group in data.Warmup.Chunk(sharePoint ? SeedingGroup : data.Warmup.Count))
                    {
                        await RunOwnersAsync(new BotClient(http, appUrl, tokens.Current, warm), channel, group, seeding, null, options.Seed, sharePoint ? TimeSpan.Zero : options.Think, seedOffset: 100_000);
                    }

                    console.WriteLine($"Warm-up: {warm.CompletedAssessments} assessments, {warm.RequestCount} requests, {warm.ErrorCount} errors.");
                }

                var sharePointBefore = graph is null ? null : await SharePointBeforeAsync(graph, appUrl, http, tokens, channel, data, options, console);

                console.WriteLine($"Measuring: {options.Owners} owners × {options.AssessmentsPerOwner} assessments{(options.Duration is { } d ? $" (at most {d.TotalSeconds:0} s)" : string.Empty)}, {options.LoadModel} …");
                var measured = new Recorder { KeepRequests = options.Floor };
                var rssBefore = app?.CurrentRssKb();
                var cpuBefore = app?.CpuTime();
                var clock = Stopwatch.StartNew();
                var until = options.Duration is { } limit ? DateTimeOffset.UtcNow + limit : (DateTimeOffset?)null;
                await RunOwnersAsync(new BotClient(http, appUrl, tokens.Current, measured), channel, data.Measured, options.AssessmentsPerOwner, until, options.Seed, options.Think, seedOffset: 0);
                var elapsed = clock.Elapsed;
                var memory = app is null ? null : new MemoryFigures(app.PeakRssKb(), app.MaxSampledRssKb, rssBefore, app.CurrentRssKb(), app.CpuTime() - cpuBefore!.Value);
                SharePointFigures? sharePointFigures = null;
                if (graph is not null && sharePointBefore is { } before)
                {
                    // The jobs finish what the last clicks started (sealing, delivery): their round trips belong to the assessments.
                    await Task.Delay(JobsSettle);
                    var traffic = GraphTally.Of(SharePointPhases.Since(graph, before.Mark), graph.ListKeys);
                    sharePointFigures = new SharePointFigures(options.GraphLatency, warm.CompletedAssessments, warm.CompletedEvents, before.Register, before.Trace, before.Idle, before.IdleWindow, traffic, clock.Elapsed);
                }

                FloorFigures? floor = null;
                if (options.Floor)
                {
                    console.WriteLine($"Floor: the same requests at the same pace against a bare Kestrel endpoint ({options.LoadModel}) …");
                    floor = await MeasureFloorAsync(http, warm, measured);
                }

                var report = new Report(options, measured, elapsed, memory, floor, connector, app?.LogPath);
                report.Print(console);
                if (sharePointFigures is not null)
                {
                    new GraphReport(sharePointFigures, measured, options.Owners).Print(console);
                }

                if (options.JsonFile is { } jsonFile)
                {
                    await File.WriteAllTextAsync(jsonFile, report.Json());
                }

                return 0;
            }
            finally
            {
                if (app is not null)
                {
                    await app.DisposeAsync();
                }

                if (!options.Keep)
                {
                    TryDelete(folder);
                }
                else
                {
                    console.WriteLine($"Kept: {folder}");
                }
            }
        }

        /// <summary>
        /// SharePoint mode before measuring, with Graph's latency on: the register read (<see cref="SharePointPhases.ReadRegisterAsync"/>),
        /// the jobs' traffic while no one clicks, then one owner alone walking one assessment (each click's Graph requests).
        /// </summary>
        private static async Task<BeforeMeasuring> SharePointBeforeAsync(
            GraphSite graph, Uri appUrl, HttpClient http, TokenMinter tokens, Channel channel, LoadData data, LoadOptions options, TextWriter console)
        {
            graph.SetLatency(options.GraphLatency);
            console.WriteLine($"Graph latency +{options.GraphLatency.TotalMilliseconds:0} ms per round trip. Reading the register …");
            var register = await SharePointPhases.ReadRegisterAsync(appUrl, graph);
            var idle = await SharePointPhases.IdleAsync(graph, TimeSpan.FromSeconds(15));
            console.WriteLine("Trace: one owner alone walks one assessment (1 s think) …");
            var trace = new Recorder { KeepSpans = true };
            var mark = SharePointPhases.Mark(graph);
            await RunOwnersAsync(new BotClient(http, appUrl, tokens.Current, trace), channel, data.Trace, 1, null, options.Seed, TimeSpan.FromSeconds(1), seedOffset: 200_000);
            console.WriteLine($"Trace: {trace.CompletedAssessments} assessment, {trace.RequestCount} requests, {trace.ErrorCount} errors{string.Concat(trace.ErrorSamples.Take(3).Select(e => $"; {e}"))}.");
            var perAction = SharePointPhases.PerAction(trace.Spans, SharePointPhases.Since(graph, mark), graph, options.GraphLatency);
            return new BeforeMeasuring(register, idle.Tally, idle.Window, perAction, SharePointPhases.Mark(graph));
        }

        private static readonly TimeSpan JobsSettle = TimeSpan.FromSeconds(10);

        /// <summary>Systems per import and round on SharePoint: one change for all 261 of the default run broke the emulator's connection mid-$batch.</summary>
        private const int SharePointImportPart = 20;

        private const int SeedingGroup = 5;

        /// <summary>Every owner at once, each installing the bot and walking its assessments one after another.</summary>
        private static async Task RunOwnersAsync(BotClient client, Channel channel, IReadOnlyList<LoadOwner> owners, int assessments, DateTimeOffset? until, int seed, TimeSpan think, int seedOffset)
        {
            using var gate = new SemaphoreSlim(0);
            var walks = owners.Select(async owner =>
            {
                await gate.WaitAsync();
                var walk = new OwnerWalk(client, channel, owner, new Random(seed + seedOffset + owner.Number), think);
                if (await walk.InstallAsync())
                {
                    await walk.WalkAsync(assessments, until);
                }

                walk.Finish();
            }).ToList();
            gate.Release(owners.Count);
            await Task.WhenAll(walks);
        }

        /// <summary>
        /// The floor: warmed with the warm-up's requests (no pauses), then every measured owner's requests replayed in
        /// order, all owners at once, each after the same pause the owner took before it — the same load model as the app's run.
        /// </summary>
        private static async Task<FloorFigures> MeasureFloorAsync(HttpClient http, Recorder warm, Recorder measured)
        {
            await using var server = await FloorServer.StartAsync();
            var warmFloor = new Recorder();
            await ReplayAsync(new BotClient(http, server.BaseUrl, () => string.Empty, warmFloor), warm.Sequences, paced: false);
            var floor = new Recorder();
            var clock = Stopwatch.StartNew();
            await ReplayAsync(new BotClient(http, server.BaseUrl, () => string.Empty, floor), measured.Sequences, paced: true);
            return new FloorFigures(floor, clock.Elapsed);
        }

        private static async Task ReplayAsync(BotClient client, IEnumerable<IReadOnlyList<SentRequest>> sequences, bool paced)
        {
            using var gate = new SemaphoreSlim(0);
            var replays = sequences.Select(async sequence =>
            {
                await gate.WaitAsync();
                foreach (var request in sequence)
                {
                    if (paced && request.PausedBefore > TimeSpan.Zero)
                    {
                        await Task.Delay(request.PausedBefore);
                    }

                    await client.SendRawAsync(request.Label, request.Body, request.Token);
                }
            }).ToList();
            if (replays.Count > 0)
            {
                gate.Release(replays.Count);
            }

            await Task.WhenAll(replays);
        }

        /// <summary>
        /// The app's settings as environment variables: SQLite in the temp folder, inbound token validation against the
        /// loopback issuer (Development, but the anonymous switch off), outbound through the fake connector.
        /// </summary>
        private static Dictionary<string, string> AppSettings(string folder, string tenantId, BotConnectorIssuer issuer, FakeConnector connector, TestTokenIssuer entra, GraphSite? graph)
        {
            var settings = AppSettings(folder, tenantId, issuer, connector, entra);
            if (graph is not null)
            {
                // Development and a loopback Graph:BaseUrl: the app calls the emulator without a credential.
                settings["Storage__Provider"] = "SharePoint";
                settings["Storage__SharePoint__SiteUrl"] = GraphSite.SiteUrl;
                settings["Graph__BaseUrl"] = graph.BaseUrl;
            }

            return settings;
        }

        private static Dictionary<string, string> AppSettings(string folder, string tenantId, BotConnectorIssuer issuer, FakeConnector connector, TestTokenIssuer entra) => new()
        {
            ["Auth__Instance"] = entra.Instance.AbsoluteUri,
            ["Storage__Sqlite__Path"] = Path.Combine(folder, "loadtest.db"),
            ["Bot__AppId"] = BotAppId,
            ["Bot__TenantId"] = tenantId,
            ["Bot__AllowedTenantIds__0"] = tenantId,
            ["Bot__OpenIdMetadataUrl"] = issuer.MetadataUrl.AbsoluteUri,
            ["Bot__AllowUnauthenticatedLocalDevelopment"] = "false",
            ["Bot__ClientSecret"] = "load-tool-secret",
            ["Bot__TokenEndpointBase"] = connector.TokenEndpointBase.AbsoluteUri,
            ["Bot__ServiceUrlAllowList__0"] = FakeConnector.ConnectorHost,
            ["HTTPS_PROXY"] = connector.ProxyUrl.AbsoluteUri,
            ["NO_PROXY"] = "127.0.0.1,localhost",
            ["SSL_CERT_FILE"] = connector.CaPemPath,
            // Console logging at Information for every request would measure the console, not the app.
            ["Logging__LogLevel__Default"] = "Warning",
        };

        private static string RepositoryRoot()
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "Norddjurs.TeamsRisk.sln")))
                    {
                        return dir.FullName;
                    }
                }
            }

            throw new InvalidOperationException("Run the load tool from inside the repository (Norddjurs.TeamsRisk.sln not found).");
        }

        private static void TryDelete(string folder)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>One Bot Connector token at a time, re-minted after 30 minutes (the connector's tokens live an hour).</summary>
    internal sealed class TokenMinter(BotConnectorIssuer issuer, Channel channel)
    {
        private readonly Lock _lock = new();
        private (string Token, DateTimeOffset MintedAt)? _current;

        public string Current()
        {
            lock (_lock)
            {
                var now = DateTimeOffset.UtcNow;
                if (_current is not { } current || now - current.MintedAt > TimeSpan.FromMinutes(30))
                {
                    _current = current = (issuer.Mint(channel.BotAppId, channel.ServiceUrl, now), now);
                }

                return current.Token;
            }
        }
    }

    /// <summary>The app's memory, and the CPU it used while measuring (a figure the other processes on the machine barely move).</summary>
    internal sealed record MemoryFigures(long? PeakRssKb, long MaxSampledRssKb, long? RssBeforeKb, long? RssAfterKb, TimeSpan CpuWhileMeasuring);

    internal sealed record FloorFigures(Recorder Recorder, TimeSpan Elapsed);

    internal static class Numbers
    {
        public static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

        public static string MiB(long? kb) => kb is { } k ? (k / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) : "-";
    }
}
