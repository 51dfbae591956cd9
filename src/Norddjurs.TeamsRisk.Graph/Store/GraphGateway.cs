using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>One Graph request as the store builds it: a path below the version root (or an absolute nextLink) and a JSON body.</summary>
internal sealed record GraphRequest(string Method, string Url, JsonObject? Body = null, string? IfMatch = null);

/// <summary>One answer: the status, the parsed body (null for 204) and the Retry-After of a throttled step.</summary>
internal sealed record GraphResponse(int Status, JsonNode? Body, TimeSpan? RetryAfter = null)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}

/// <summary>
/// The store's only door to Graph: single requests through the SDK's pipeline (its RetryHandler honours Retry-After for
/// 429/503/504, §7.4), and <c>$batch</c> chains whose throttled steps this class re-sends itself, because the SDK does not
/// retry inside a batch (§6.2). Bodies are read as raw JSON so values keep their declared types (§3.9).
/// </summary>
internal sealed class GraphGateway(GraphServiceClient client, TimeProvider time)
{
    internal const int MaxBatchSize = 20;

    /// <summary>
    /// The most one <c>$batch</c> body may weigh as this class estimates it (each step's body, URL and a margin for its
    /// envelope). The spec names no limit; the emulator, like Graph's request limit for JSON bodies, takes 4 MiB.
    /// </summary>
    internal const int MaxBatchBytes = 3 * 1024 * 1024;

    private const int StepEnvelopeBytes = 300;
    private const int ThrottleRounds = 4;
    private static readonly TimeSpan DefaultThrottleWait = TimeSpan.FromSeconds(2);

    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new(StringComparer.Ordinal)
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    public string BaseUrl { get; } = client.RequestAdapter.BaseUrl?.TrimEnd('/') ?? "https://graph.microsoft.com/v1.0";

    /// <summary>Sends one request; a non-2xx answer throws <see cref="GraphStoreException"/> with the §7.7 fault.</summary>
    public async Task<JsonNode?> SendAsync(GraphRequest request, CancellationToken cancellationToken)
    {
        var information = ToRequestInformation(request);
        try
        {
            var stream = await client.RequestAdapter.SendPrimitiveAsync<Stream>(information, ErrorMapping, cancellationToken).ConfigureAwait(false);
            if (stream is null)
            {
                return null;
            }

            await using (stream.ConfigureAwait(false))
            {
                return stream.CanSeek && stream.Length == 0 ? null : await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>
    /// Runs the requests as one <c>dependsOn</c> chain (split into batches of 20; a later batch starts after the earlier one).
    /// A throttled step is re-sent with the rest of the chain after its Retry-After. The first step that fails otherwise stops
    /// the chain unless <paramref name="accept"/> says its failure counts as done (an idempotent create that already exists);
    /// the answer has one entry per request, null for the steps never run.
    /// </summary>
    public async Task<GraphResponse?[]> ChainAsync(IReadOnlyList<GraphRequest> requests, Func<int, GraphResponse, bool> accept, CancellationToken cancellationToken)
    {
        var results = new GraphResponse?[requests.Count];
        var next = 0;
        var throttled = 0;
        while (next < requests.Count)
        {
            var chunk = requests.Skip(next).Take(ChunkLength(requests, next)).ToList();
            var answers = await PostBatchAsync(chunk, chain: true, cancellationToken).ConfigureAwait(false);
            var advanced = false;
            for (var i = 0; i < chunk.Count; i++)
            {
                var answer = answers[i];
                if (answer.IsSuccess || (answer.Status != 424 && !IsThrottled(answer.Status) && accept(next + i, answer)))
                {
                    results[next + i] = answer;
                    continue;
                }

                // A step after an accepted failure got 424 only because of it: the chain goes on from here in a new batch.
                var resume = answer.Status == 424 && i > 0 && results[next + i - 1] is { IsSuccess: false };
                if (resume || (IsThrottled(answer.Status) && ++throttled < ThrottleRounds))
                {
                    if (!resume)
                    {
                        await Task.Delay(answer.RetryAfter ?? DefaultThrottleWait, time, cancellationToken).ConfigureAwait(false);
                    }

                    next += i;
                    advanced = true;
                    break;
                }

                results[next + i] = answer;
                return results;
            }

            if (!advanced)
            {
                next += chunk.Count;
            }
        }

        return results;
    }

    /// <summary>Independent requests (reads, deletes) in batches of 20; throttled ones are re-sent after their Retry-After.</summary>
    public async Task<GraphResponse[]> BatchAsync(IReadOnlyList<GraphRequest> requests, CancellationToken cancellationToken)
    {
        var results = new GraphResponse[requests.Count];
        for (int start = 0, length; start < requests.Count; start += length)
        {
            length = ChunkLength(requests, start);
            var indexes = Enumerable.Range(start, length).ToList();
            for (var round = 0; indexes.Count > 0; round++)
            {
                var answers = await PostBatchAsync([.. indexes.Select(i => requests[i])], chain: false, cancellationToken).ConfigureAwait(false);
                var again = new List<int>();
                TimeSpan wait = TimeSpan.Zero;
                for (var i = 0; i < indexes.Count; i++)
                {
                    results[indexes[i]] = answers[i];
                    if (IsThrottled(answers[i].Status) && round < ThrottleRounds - 1)
                    {
                        again.Add(indexes[i]);
                        wait = Max(wait, answers[i].RetryAfter ?? DefaultThrottleWait);
                    }
                }

                if (again.Count > 0)
                {
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }

                indexes = again;
            }
        }

        return results;
    }

    /// <summary>How many requests from <paramref name="start"/> go in one batch: at most 20 and <see cref="MaxBatchBytes"/>, at least one.</summary>
    private static int ChunkLength(IReadOnlyList<GraphRequest> requests, int start)
    {
        var length = 0;
        for (long bytes = 0; start + length < requests.Count && length < MaxBatchSize; length++)
        {
            bytes += Weight(requests[start + length]);
            if (length > 0 && bytes > MaxBatchBytes)
            {
                break;
            }
        }

        return length;
    }

    private static long Weight(GraphRequest request) =>
        StepEnvelopeBytes + Encoding.UTF8.GetByteCount(request.Url) + (request.Body is null ? 0 : JsonSerializer.SerializeToUtf8Bytes(request.Body).Length);

    /// <summary>The fault an error answer means; for a batch step, whose failure did not throw.</summary>
    public static GraphStoreException Fault(GraphResponse response, string what) =>
        new(GraphStoreException.FaultOf(response.Status), response.Status, $"{what}: Graph answered {response.Status} {ErrorCode(response.Body)}.", retryAfter: response.RetryAfter);

    private async Task<GraphResponse[]> PostBatchAsync(List<GraphRequest> requests, bool chain, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new BatchRequestContentCollection(client);
            var ids = new List<string>(requests.Count);
            for (var i = 0; i < requests.Count; i++)
            {
                var id = (i + 1).ToString(CultureInfo.InvariantCulture);
                await batch.AddBatchRequestStepAsync(ToRequestInformation(requests[i]), id).ConfigureAwait(false);
                if (chain && i > 0)
                {
                    batch.BatchRequestSteps[id].DependsOn = [ids[^1]];
                }

                ids.Add(id);
            }

            var response = await client.Batch.PostAsync(batch, cancellationToken).ConfigureAwait(false);
            var answers = new GraphResponse[requests.Count];
            for (var i = 0; i < ids.Count; i++)
            {
                using var message = await response.GetResponseByIdAsync(ids[i]).ConfigureAwait(false);
                answers[i] = message is null
                    ? new GraphResponse(424, null)
                    : new GraphResponse((int)message.StatusCode, await ReadBodyAsync(message, cancellationToken).ConfigureAwait(false), RetryAfterOf(message));
            }

            return answers;
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpResponseMessage message, CancellationToken cancellationToken)
    {
        var text = await message.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage message) =>
        message.Headers.RetryAfter?.Delta ?? (message.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null);

    private RequestInformation ToRequestInformation(GraphRequest request)
    {
        var information = new RequestInformation
        {
            HttpMethod = Enum.Parse<Method>(request.Method, ignoreCase: true),
            URI = new Uri(request.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? request.Url : BaseUrl + request.Url),
        };
        information.Headers.Add("Accept", "application/json");
        if (request.IfMatch is not null)
        {
            information.Headers.Add("If-Match", request.IfMatch);
        }

        if (request.Body is not null)
        {
            information.SetStreamContent(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(request.Body)), "application/json");
        }

        return information;
    }

    /// <summary>§7.6 → §7.7: ODataError and ApiException by status, exhausted retries as throttled, timeouts as unavailable.</summary>
    private static GraphStoreException? Translate(Exception e, CancellationToken cancellationToken) => e switch
    {
        GraphStoreException => null,
        ApiException api => new GraphStoreException(
            GraphStoreException.FaultOf(api.ResponseStatusCode), api.ResponseStatusCode,
            $"Graph answered {api.ResponseStatusCode} {(api as ODataError)?.Error?.Code}.", api, RetryAfterOf(api)),
        AggregateException { InnerExceptions: var inner } when inner.All(x => x is ApiException) =>
            new GraphStoreException(GraphStoreFault.Throttled, (inner[^1] as ApiException)?.ResponseStatusCode, "Graph kept throttling; retries are exhausted.", e, RetryAfterOf(inner[^1] as ApiException)),
        HttpRequestException => new GraphStoreException(GraphStoreFault.Unavailable, null, "Graph could not be reached.", e),
        TaskCanceledException when !cancellationToken.IsCancellationRequested => new GraphStoreException(GraphStoreFault.Unavailable, null, "Graph did not answer in time.", e),
        _ => null,
    };

    private static TimeSpan? RetryAfterOf(ApiException? api) =>
        api?.ResponseHeaders is { } headers && headers.TryGetValue("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static string? ErrorCode(JsonNode? body) => body?["error"]?["code"]?.GetValue<string>();

    private static bool IsThrottled(int status) => status is 429 or 503 or 504;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    internal static bool IsStatus(GraphStoreException e, params int[] statuses) => e.Status is { } s && statuses.Contains(s);
}
