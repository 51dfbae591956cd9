namespace Norddjurs.TeamsRisk.Graph.Tests.Support;

/// <summary>Counts what the SDK puts on the wire (requests and request body bytes) before the emulator answers.</summary>
internal sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private long _bytes;
    private long _largest;
    private int _requests;

    public long Bytes => Interlocked.Read(ref _bytes);

    public int Requests => _requests;

    /// <summary>The largest request body seen.</summary>
    public long Largest => Interlocked.Read(ref _largest);

    public void Reset()
    {
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _largest, 0);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        if (request.Content is { } content)
        {
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            var length = (await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)).LongLength;
            Interlocked.Add(ref _bytes, length);
            for (var largest = Largest; length > largest && Interlocked.CompareExchange(ref _largest, length, largest) != largest; largest = Largest)
            {
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
