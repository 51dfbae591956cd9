using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>A body as read: the value, or the problem to answer instead.</summary>
internal sealed record BodyRead<T>(T? Value, IResult? Problem)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Ok => Problem is null && Value is not null;
}

/// <summary>
/// Reads request bodies ourselves rather than by binding, so a body that is too large is 413, and one that is empty,
/// malformed or of the wrong types is a 400 in the caller's language that names where it went wrong.
/// </summary>
internal static class JsonBody
{
    public static async Task<BodyRead<T>> ReadAsync<T>(HttpContext http, ApiCaller caller, CancellationToken cancellationToken)
        where T : class
    {
        var bytes = await ReadBytesAsync(http, caller, cancellationToken).ConfigureAwait(false);
        if (!bytes.Ok)
        {
            return new BodyRead<T>(null, bytes.Problem);
        }

        if (bytes.Value.Length == 0)
        {
            return new BodyRead<T>(null, Problems.BadRequest(DomainError.Of("api.body_missing"), caller.Language));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes.Value, Options(http));
            if (value is null)
            {
                return new BodyRead<T>(null, Problems.BadRequest(DomainError.Of("api.body_missing"), caller.Language));
            }

            return RequiredFields.FirstMissing(value) is { } missing ? new BodyRead<T>(null, Invalid(missing, caller)) : new BodyRead<T>(value, null);
        }
        catch (JsonException e)
        {
            return new BodyRead<T>(null, Invalid(e.Path, caller));
        }
    }

    /// <summary>The raw body, at most the endpoint's <see cref="BodyLimit"/>.</summary>
    public static async Task<BodyRead<byte[]>> ReadBytesAsync(HttpContext http, ApiCaller caller, CancellationToken cancellationToken)
    {
        var limit = BodyLimit.Of(http).Bytes;
        if (http.Request.ContentLength > limit)
        {
            return new BodyRead<byte[]>(null, Problems.TooLarge(limit, caller.Language));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return new BodyRead<byte[]>(null, Problems.TooLarge(limit, caller.Language));
            }

            buffer.Write(chunk, 0, read);
        }

        return new BodyRead<byte[]>(buffer.ToArray(), null);
    }

    public static IResult Invalid(string? path, ApiCaller caller) =>
        Problems.BadRequest(DomainError.Of("api.body_invalid", ("path", string.IsNullOrEmpty(path) ? "$" : path)), caller.Language);

    public static JsonSerializerOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
}
