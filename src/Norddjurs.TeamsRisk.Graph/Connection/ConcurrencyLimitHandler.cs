namespace Norddjurs.TeamsRisk.Graph.Connection;

/// <summary>
/// At most <see cref="MaxInFlight"/> Graph requests on the wire per process (graph-sharepoint.md §7.2, §7.7). It sits
/// innermost, after the retry handler, so a request waiting out a <c>Retry-After</c> does not hold a slot.
/// </summary>
internal sealed class ConcurrencyLimitHandler(SemaphoreSlim slots) : DelegatingHandler
{
    public const int MaxInFlight = 10;

    /// <summary>One gate for every client the process builds.</summary>
    public static SemaphoreSlim ProcessWide { get; } = new(MaxInFlight, MaxInFlight);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }
}
