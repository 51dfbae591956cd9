using System.Net;
using System.Text;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator;

/// <summary>
/// The in-process hosting (§10.1 a): give it to <c>GraphClientFactory.Create(finalHandler: …)</c> so the SDK's
/// default middleware (retry, redirect, telemetry) runs in front of the emulator.
/// </summary>
public sealed class GraphEmulatorHandler(GraphEmulator emulator) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var headers = EmulatorRequest.NewHeaders();
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[header.Key] = string.Join(header.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase) ? " " : ",", header.Value);
        }
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var answer = await emulator.HandleAsync(
            new EmulatorRequest(request.Method.Method, uri.GetLeftPart(UriPartial.Authority), uri.PathAndQuery, headers, body),
            cancellationToken).ConfigureAwait(false);
        if (answer.ResetConnection)
        {
            throw new HttpRequestException("The emulator reset the connection (injected fault).", new IOException("Connection reset by peer"));
        }
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status) { RequestMessage = request };
        response.Content = answer.Body is null
            ? new ByteArrayContent([])
            : new ByteArrayContent(Encoding.UTF8.GetBytes(answer.Body.ToJsonString()));
        if (answer.Body is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", GraphEmulator.ContentType);
        }
        foreach (var (name, value) in answer.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return response;
    }
}
