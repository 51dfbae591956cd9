using Microsoft.AspNetCore.Mvc;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// Problem details (RFC 9457) in the caller's language. Every refusal lists its errors as <c>{code, message}</c>,
/// so a client can key on the code and show the message; nothing about the server's insides is ever included.
/// </summary>
internal static class Problems
{
    public static IResult Rejected(IEnumerable<DomainError> errors, Language language) =>
        Of(StatusCodes.Status400BadRequest, "api.rejected", language, errors);

    public static IResult BadRequest(DomainError error, Language language) =>
        Of(StatusCodes.Status400BadRequest, "api.bad_request", language, [error]);

    public static IResult NotFound(Language language) =>
        Of(StatusCodes.Status404NotFound, "api.not_found", language, []);

    public static IResult Forbidden(DomainError? error, Language language) =>
        Of(StatusCodes.Status403Forbidden, "api.forbidden", language, error is null ? [] : [error]);

    public static IResult Conflict(Language language) =>
        Of(StatusCodes.Status409Conflict, "api.conflict", language, []);

    public static IResult TooLarge(long limit, Language language) =>
        Of(StatusCodes.Status413PayloadTooLarge, "api.bad_request", language, [DomainError.Of("api.body_too_large", ("limit", limit))]);

    public static IResult UnsupportedMediaType(Language language) =>
        Of(StatusCodes.Status415UnsupportedMediaType, "api.bad_request", language, [DomainError.Of("api.csv_missing")]);

    /// <summary>design.md §2.1: the store could not be reached, so nothing was saved; the client keeps its input and retries.</summary>
    public static IResult StoreUnavailable(Language language) =>
        Of(StatusCodes.Status503ServiceUnavailable, "api.store_unavailable", language, []);

    public static IResult Internal(Language language) =>
        Of(StatusCodes.Status500InternalServerError, "api.internal", language, []);

    public static IResult Of(int status, string titleKey, Language language, IEnumerable<DomainError> errors, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = ApiTexts.Get(titleKey, language) };
        problem.Extensions["errors"] = errors.Select(e => new ErrorItem(e.Code, ApiTexts.Message(e, language))).ToList();
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        return TypedResults.Problem(problem);
    }

    internal sealed record ErrorItem(string Code, string Message);
}
