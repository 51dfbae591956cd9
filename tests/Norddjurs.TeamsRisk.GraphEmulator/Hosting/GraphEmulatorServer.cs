using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator;

/// <summary>
/// The loopback hosting (§10.1 b): Kestrel on 127.0.0.1 and a random (or given) port. Routing reads the raw
/// request target, because Kestrel keeps <c>%2F</c> encoded in <c>Request.Path</c> but decodes the rest.
/// </summary>
public sealed class GraphEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphEmulatorServer(WebApplication app, GraphEmulator emulator, string origin)
    {
        _app = app;
        Emulator = emulator;
        Origin = origin;
    }

    public GraphEmulator Emulator { get; }

    /// <summary><c>http://127.0.0.1:{port}</c>; the admin API is under <c>{Origin}/_emulator</c>.</summary>
    public string Origin { get; }

    /// <summary><c>http://127.0.0.1:{port}/v1.0</c>, the base URL for <c>GraphServiceClient</c> (§7.8).</summary>
    public string BaseUrl => Origin + GraphEmulator.VersionRoot;

    public static async Task<GraphEmulatorServer> StartAsync(GraphEmulator? emulator = null, int port = 0, CancellationToken cancellationToken = default)
    {
        emulator ??= new GraphEmulator();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            // Graph's size, not Kestrel's default 30 MB: the engine answers a body over MaxRequestBytes with Graph's 413;
            // Kestrel reads up to twice that, so the client gets the answer rather than a cut connection.
            kestrel.Limits.MaxRequestBodySize = 2 * emulator.Options.MaxRequestBytes;
        });
        // gzip when the client's Accept-Encoding allows it, as the SDK's default SocketsHttpHandler asks (§7.3, §10.1).
        builder.Services.AddResponseCompression(options => options.MimeTypes = ["application/json"]);
        var app = builder.Build();
        app.UseResponseCompression();
        app.Run(context => ServeAsync(emulator, context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var bound = new Uri(address);
        return new GraphEmulatorServer(app, emulator, $"http://127.0.0.1:{bound.Port}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task ServeAsync(GraphEmulator emulator, HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var headers = EmulatorRequest.NewHeaders();
        foreach (var header in context.Request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        var request = new EmulatorRequest(context.Request.Method, origin, rawTarget, headers, buffer.Length == 0 ? null : buffer.ToArray());
        var answer = await emulator.HandleAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (answer.ResetConnection)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }
        if (answer.Body is not null)
        {
            context.Response.ContentType = GraphEmulator.ContentType;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer.Body.ToJsonString()), context.RequestAborted).ConfigureAwait(false);
        }
    }
}
