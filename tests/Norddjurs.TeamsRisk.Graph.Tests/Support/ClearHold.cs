using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Graph.Tests.Support;

/// <summary>
/// Holds back, while armed, the first <c>$batch</c> made of PATCHes only (the clearing a commit leaves for after its answer)
/// until the test releases it, so a test counts what a commit sent before answering and can act while the clear is due.
/// </summary>
internal sealed class ClearHold(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed;

    /// <summary>Completes once a clearing batch waits here.</summary>
    public Task Reached => _reached.Task;

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public void Release() => _released.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _armed) == 1 && await IsClearingAsync(request, cancellationToken).ConfigureAwait(false) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> IsClearingAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || request.RequestUri?.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal) != true || request.Content is null)
        {
            return false;
        }

        await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var steps = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))?["requests"]?.AsArray();
        return steps is { Count: > 0 } && steps.All(s => (string?)s?["method"] == "PATCH");
    }
}
