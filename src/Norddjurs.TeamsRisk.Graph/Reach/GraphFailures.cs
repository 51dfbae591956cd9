using Microsoft.Kiota.Abstractions;

namespace Norddjurs.TeamsRisk.Graph.Reach;

/// <summary>Graph's answers sorted for a delivery (graph-sharepoint.md §7.6, §9): worth another try later, or final.</summary>
internal static class GraphFailures
{
    /// <summary>Throttled or unavailable (after the SDK's own retries), or the connection failed.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ApiException api => api.ResponseStatusCode is 408 or 429 or >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        HttpRequestException => true,
        TaskCanceledException => true,
        _ => false,
    };

    /// <summary>The service's <c>Retry-After</c> in seconds, when it sent one.</summary>
    public static TimeSpan? RetryAfter(Exception exception)
    {
        var api = exception as ApiException ?? (exception as AggregateException)?.InnerExceptions.OfType<ApiException>().LastOrDefault();
        return api?.ResponseHeaders.TryGetValue("Retry-After", out var values) == true
            && int.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    /// <summary>Status and Graph's error code, for the log and the coordinator; never Graph's message text (§9).</summary>
    public static string Describe(Exception exception) => exception switch
    {
        Microsoft.Graph.Models.ODataErrors.ODataError odata => $"Graph {odata.ResponseStatusCode} {odata.Error?.Code}",
        ApiException api => $"Graph {api.ResponseStatusCode}",
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 => Describe(aggregate.InnerExceptions[^1]),
        _ => exception.GetType().Name,
    };
}
