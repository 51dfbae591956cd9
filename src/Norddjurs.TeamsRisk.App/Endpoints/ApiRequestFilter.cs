using Microsoft.AspNetCore.Http.Features;
using Norddjurs.TeamsRisk.App.Authentication;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// What every <c>/api</c> call must bring before an endpoint runs: a person (403 otherwise) and, for a POST, a body
/// within the endpoint's limit (413) and an <c>Idempotency-Key</c> header (400), so nothing is read or changed first.
/// </summary>
internal sealed partial class ApiRequestFilter(ILogger<ApiRequestFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var language = ApiLanguage.Of(http.Request);
        if (!http.User.TryGetActor(out var actor))
        {
            return Problems.Forbidden(null, language);
        }

        if (HttpMethods.IsPost(http.Request.Method))
        {
            var limit = BodyLimit.Of(http).Bytes;
            if (http.Request.ContentLength > limit)
            {
                return Problems.TooLarge(limit, language);
            }

            // Kestrel then stops a chunked body at this endpoint's limit too, not only at the server's.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            if (ApiCaller.KeyOf(http.Request) is null)
            {
                var code = http.Request.Headers.ContainsKey(ApiCaller.IdempotencyKeyHeader) ? "api.idempotency_key_invalid" : "api.idempotency_key_missing";
                return Problems.BadRequest(DomainError.Of(code, ("max", ApiCaller.MaxKeyLength)), language);
            }
        }

        var result = await next(context).ConfigureAwait(false);
        if (HttpMethods.IsPost(http.Request.Method))
        {
            LogChange(logger, http.GetEndpoint()?.DisplayName ?? http.Request.Path.Value ?? string.Empty, actor.ObjectId,
                (result as IStatusCodeHttpResult)?.StatusCode ?? http.Response.StatusCode);
        }

        return result;
    }

    /// <summary>Ids, not people (style-examples.md §5 rule 8).</summary>
    [LoggerMessage(1310, LogLevel.Information, "API change {Endpoint} by {ObjectId} answered {Status}")]
    private static partial void LogChange(ILogger logger, string endpoint, string objectId, int status);
}
