using Microsoft.AspNetCore.Http.Features;
using Norddjurs.TeamsRisk.App.Authentication;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// What every <c>/api</c> call must bring before an endpoint runs: a person (403 otherwise) and, for a POST, a body
/// within the endpoint's limit (413) and an <c>Idempotency-Key</c> header (400), so nothing is read or changed first.
/// </summary>
internal sealed class ApiRequestFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var language = ApiLanguage.Of(http.Request);
        if (!http.User.TryGetActor(out _))
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

        return await next(context).ConfigureAwait(false);
    }
}
