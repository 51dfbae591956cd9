using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Norddjurs.TeamsRisk.LoadTest.Hosting;

/// <summary>
/// The floor: a bare Kestrel endpoint in this process on loopback that does the least a bot must do with an activity —
/// read the body, parse the JSON, check it has a <c>type</c> — and answers 200. No token check, no store, no card.
/// What the app costs beyond this is ours; what this costs is the machine, HTTP and the client.
/// </summary>
internal sealed class FloorServer : IAsyncDisposable
{
    private readonly WebApplication _server;

    private FloorServer(WebApplication server) => _server = server;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FloorServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var floor = new FloorServer(builder.Build());
        floor._server.MapPost("/api/messages", async (HttpRequest request) =>
        {
            try
            {
                using var activity = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                return activity.RootElement.ValueKind == JsonValueKind.Object && activity.RootElement.TryGetProperty("type", out _)
                    ? Results.Ok()
                    : Results.BadRequest();
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
        });
        await floor._server.StartAsync();
        floor.BaseUrl = new Uri(floor._server.Urls.Single().TrimEnd('/') + "/");
        return floor;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
    }
}
