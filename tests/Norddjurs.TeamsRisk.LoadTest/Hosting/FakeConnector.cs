using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Norddjurs.TeamsRisk.LoadTest.Hosting;

/// <summary>
/// Where the app's outbound connector calls land (teams-bot-protocol.md §3). The app runs with its production rules:
/// a real-looking <c>serviceUrl</c> (<c>https://smba.trafficmanager.net/emea/{tenant}/</c>, on the default allow-list)
/// and a client-secret token. So that nothing leaves the machine, the app is started with <c>HTTPS_PROXY</c> pointing at
/// a CONNECT proxy here that tunnels only <c>smba.trafficmanager.net:443</c> to this Kestrel, which presents a certificate
/// for that host signed by a throw-away CA the app trusts through <c>SSL_CERT_FILE</c>. The Entra token endpoint is plain
/// http on loopback (<c>Bot:TokenEndpointBase</c> allows that for tests). Calls are counted, never slowed down.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    public const string ConnectorHost = "smba.trafficmanager.net";
    public const string AccessToken = "load-tool-connector-token";

    private readonly WebApplication _server;
    private readonly TcpListener _proxy;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _refused = new(StringComparer.OrdinalIgnoreCase);
    private int _httpsPort;
    private int _tokenRequests;
    private int _refusedTunnels;
    private int _unauthorized;

    private FakeConnector(WebApplication server, TcpListener proxy, string caPemPath)
    {
        _server = server;
        _proxy = proxy;
        CaPemPath = caPemPath;
    }

    /// <summary>The throw-away CA's certificate (PEM) for the app's <c>SSL_CERT_FILE</c>.</summary>
    public string CaPemPath { get; }

    /// <summary>For <c>HTTPS_PROXY</c>.</summary>
    public Uri ProxyUrl => new($"http://127.0.0.1:{((IPEndPoint)_proxy.LocalEndpoint).Port}/");

    /// <summary>For <c>Bot:TokenEndpointBase</c>.</summary>
    public Uri TokenEndpointBase { get; private set; } = null!;

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int RefusedTunnels => Volatile.Read(ref _refusedTunnels);

    /// <summary>Hosts the app tried to reach through the proxy that are not the connector (e.g. Entra's metadata), with counts.</summary>
    public IReadOnlyDictionary<string, int> RefusedHosts => _refused;

    public int Unauthorized => Volatile.Read(ref _unauthorized);

    /// <summary>Connector calls by operation (<c>POST activities</c>, <c>PUT activity</c>, …).</summary>
    public IReadOnlyDictionary<string, int> Calls => _calls;

    public static async Task<FakeConnector> StartAsync(string folder)
    {
        var (ca, leaf) = Certificates();
        var caPem = Path.Combine(folder, "load-tool-ca.pem");
        await File.WriteAllTextAsync(caPem, ca.ExportCertificatePem());

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(leaf));
            k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var proxy = new TcpListener(IPAddress.Loopback, 0);
        var connector = new FakeConnector(builder.Build(), proxy, caPem);
        connector.Map();
        await connector._server.StartAsync();
        var addresses = connector._server.Urls.Select(u => new Uri(u)).ToList();
        connector._httpsPort = addresses.Single(u => u.Scheme == Uri.UriSchemeHttps).Port;
        connector.TokenEndpointBase = new Uri(addresses.Single(u => u.Scheme == Uri.UriSchemeHttp), "/");
        proxy.Start();
        _ = connector.AcceptAsync(connector._stopping.Token);
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _proxy.Stop();
        await _server.StopAsync();
        await _server.DisposeAsync();
        _stopping.Dispose();
    }

    private void Map()
    {
        _server.MapPost("/{tenant}/oauth2/v2.0/token", () =>
        {
            Interlocked.Increment(ref _tokenRequests);
            return Results.Json(new Dictionary<string, object> { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = AccessToken });
        });
        _server.MapPost("/{**path}", (HttpRequest request, string path) => Answer(request, "POST", path));
        _server.MapPut("/{**path}", (HttpRequest request, string path) => Answer(request, "PUT", path));
        _server.MapDelete("/{**path}", (HttpRequest request, string path) => Answer(request, "DELETE", path));
    }

    private async Task<IResult> Answer(HttpRequest request, string method, string path)
    {
        // Read the body as the real service would; its content is not checked here.
        await request.Body.CopyToAsync(Stream.Null);
        if (request.Headers.Authorization.ToString() != "Bearer " + AccessToken)
        {
            Interlocked.Increment(ref _unauthorized);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var operation = Operation(method, path);
        _calls.AddOrUpdate(operation, 1, (_, n) => n + 1);
        return operation.StartsWith("DELETE", StringComparison.Ordinal)
            ? Results.Ok()
            : Results.Json(new Dictionary<string, object> { ["id"] = "1" + Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999) });
    }

    /// <summary>"POST activities" for <c>…/v3/conversations/{id}/activities</c>, "POST activity" with an activity id, "POST conversations", …</summary>
    private static string Operation(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var v3 = Array.IndexOf(segments, "v3");
        var tail = v3 < 0 ? segments : segments[(v3 + 1)..];
        var name = tail switch
        {
            ["conversations"] => "conversations",
            ["conversations", _, "activities"] => "activities",
            ["conversations", _, "activities", _] => "activity",
            ["conversations", _, "members", ..] => "members",
            _ => "other " + string.Join('/', tail.Take(1)),
        };
        return $"{method} {name}";
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _proxy.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = TunnelAsync(client, cancellationToken);
        }
    }

    /// <summary>One CONNECT: answered only for the connector host, then bytes are copied both ways until either side closes.</summary>
    private async Task TunnelAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream, cancellationToken);
                var target = head?.Split(' ') is ["CONNECT", var authority, ..] ? authority : null;
                if (!string.Equals(target, ConnectorHost + ":443", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref _refusedTunnels);
                    _refused.AddOrUpdate(target ?? "(not a CONNECT)", 1, (_, n) => n + 1);
                    await stream.WriteAsync("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), cancellationToken);
                    return;
                }

                using var upstream = new TcpClient();
                await upstream.ConnectAsync(IPAddress.Loopback, _httpsPort, cancellationToken);
                await stream.WriteAsync("HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray(), cancellationToken);
                var upstreamStream = upstream.GetStream();
                await Task.WhenAny(stream.CopyToAsync(upstreamStream, cancellationToken), upstreamStream.CopyToAsync(stream, cancellationToken));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>The request line of the proxy request; the head is read a byte at a time so no TLS byte is consumed.</summary>
    private static async Task<string?> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>(256);
        var one = new byte[1];
        while (head.Count < 8192)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
            {
                var text = Encoding.ASCII.GetString([.. head]);
                return text[..text.IndexOf('\r', StringComparison.Ordinal)];
            }
        }

        return null;
    }

    /// <summary>A CA and a server certificate for the connector host it signed, both new for this run and valid for a day.</summary>
    private static (X509Certificate2 Ca, X509Certificate2 Leaf) Certificates()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Norddjurs.TeamsRisk load tool CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var ca = caRequest.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));

        using var leafKey = RSA.Create(2048);
        var leafRequest = new CertificateRequest($"CN={ConnectorHost}", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(ConnectorHost);
        leafRequest.CertificateExtensions.Add(names.Build());
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        leafRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var signed = leafRequest.Create(ca, now.AddHours(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        using var withKey = signed.CopyWithPrivateKey(leafKey);
        // Through PKCS#12 so the key is usable by SslStream on every platform.
        var leaf = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        return (ca, leaf);
    }
}
