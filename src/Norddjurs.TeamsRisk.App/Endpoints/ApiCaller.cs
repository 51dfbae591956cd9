using Norddjurs.TeamsRisk.App.Authentication;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// Who calls, in which language, and for a change the client's idempotency key (design.md §2.2). Bound from the
/// signed-in principal, never from the body. <see cref="ApiRequestFilter"/> has already refused a caller without
/// an actor (403) and a POST without a key (400).
/// </summary>
internal sealed record ApiCaller(Actor Actor, Language Language, string? IdempotencyKey, string Path)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    /// <summary>
    /// The key the store remembers: the caller and the path are part of it, so one person's key can neither replay
    /// another person's answer nor another action's.
    /// </summary>
    public Request Change() =>
        new(Actor, $"api:{Actor.ObjectId.ToLowerInvariant()}:{Path}:{IdempotencyKey ?? throw new InvalidOperationException("A change needs an idempotency key.")}", AuditChannel.Api);

    public static ValueTask<ApiCaller?> BindAsync(HttpContext http)
    {
        var caller = http.User.TryGetActor(out var actor)
            ? new ApiCaller(actor, ApiLanguage.Of(http.Request), KeyOf(http.Request), http.Request.Path.Value ?? string.Empty)
            : null;
        return ValueTask.FromResult(caller);
    }

    /// <summary>The header's value when it is one key of visible ASCII characters, otherwise null.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        var values = request.Headers[IdempotencyKeyHeader];
        var key = values.Count == 1 ? values[0]?.Trim() : null;
        return !string.IsNullOrEmpty(key) && key.Length <= MaxKeyLength && key.All(c => c is > ' ' and <= '~') ? key : null;
    }
}
