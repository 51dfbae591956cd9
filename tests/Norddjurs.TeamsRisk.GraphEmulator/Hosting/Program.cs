using System.Globalization;
using System.Runtime.InteropServices;
using Norddjurs.TeamsRisk.GraphEmulator;

// Standalone: dotnet run --project tests/Norddjurs.TeamsRisk.GraphEmulator -- --port 5190 [--site https://host/sites/X] [--latency-ms 150]
var port = 5190;
var sites = new List<Uri>();
var latency = TimeSpan.Zero;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--port":
            port = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--site":
            sites.Add(new Uri(args[i + 1]));
            break;
        case "--latency-ms":
            latency = TimeSpan.FromMilliseconds(int.Parse(args[i + 1], CultureInfo.InvariantCulture));
            break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}; use --port, --site, --latency-ms.");
            return 2;
    }
}
if (sites.Count == 0)
{
    sites.Add(new Uri("https://norddjurs.sharepoint.com/sites/Informationssikkerhed"));
}
var emulator = new GraphEmulator(options: new EmulatorOptions { Latency = latency });
foreach (var site in sites)
{
    var seeded = emulator.SeedSite(site.Host, site.AbsolutePath);
    Console.WriteLine($"site {seeded.WebUrl} id {seeded.Id}");
}
await using var server = await GraphEmulatorServer.StartAsync(emulator, port);
Console.WriteLine($"Graph emulator on {server.BaseUrl} (admin API under {server.Origin}/_emulator); Ctrl+C stops it.");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// SIGTERM (kill, a script, a container) stops it too: the web host inside would otherwise wait for this loop to end.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Ctrl+C or SIGTERM
}
return 0;
