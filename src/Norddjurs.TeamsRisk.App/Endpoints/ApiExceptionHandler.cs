using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Norddjurs.TeamsRisk.Graph.Store;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// The one place exceptions become answers (style-examples.md §5): a request Kestrel refused (too large, unreadable)
/// keeps its 4xx; a store that cannot be reached is "not saved, try again" (503, design.md §2.1); anything else is a bug
/// or a fault, logged with the trace id and answered 500 with no internals.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var language = ApiLanguage.Of(httpContext.Request);
        IResult answer;
        if (exception is BadHttpRequestException bad)
        {
            LogBadRequest(logger, bad.StatusCode, httpContext.TraceIdentifier);
            answer = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problems.TooLarge(BodyLimit.Of(httpContext).Bytes, language)
                : Problems.Of(bad.StatusCode, "api.bad_request", language, []);
        }
        else if (exception is GraphStoreException { Fault: GraphStoreFault.Throttled or GraphStoreFault.Unavailable } unreachable)
        {
            // The store wrote nothing confirmed (a half-made change stays invisible until it is finished or rolled back).
            LogStoreUnavailable(logger, unreachable.Fault, unreachable.Status, httpContext.Request.Method, httpContext.Request.Path.Value ?? string.Empty, httpContext.TraceIdentifier);
            if (unreachable.RetryAfter is { } wait)
            {
                httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            answer = Problems.StoreUnavailable(language);
        }
        else
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? string.Empty, httpContext.TraceIdentifier);
            answer = Problems.Internal(language);
        }

        await answer.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(1301, LogLevel.Error, "Unhandled error in {Method} {Path}; trace {TraceId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path, string traceId);

    [LoggerMessage(1303, LogLevel.Warning, "Store {Fault} (Graph status {Status}) in {Method} {Path}: answered not saved; trace {TraceId}")]
    private static partial void LogStoreUnavailable(ILogger logger, GraphStoreFault fault, int? status, string method, string path, string traceId);

    [LoggerMessage(1302, LogLevel.Information, "Request refused by the server with {Status}; trace {TraceId}")]
    private static partial void LogBadRequest(ILogger logger, int status, string traceId);
}
