using Norddjurs.TeamsRisk.GraphEmulator.Items;

namespace Norddjurs.TeamsRisk.GraphEmulator.Routing;

/// <summary>What an endpoint needs to answer one request: the engine, the request and its parsed target.</summary>
internal sealed class RequestContext(GraphEmulator emulator, EmulatorRequest request, RequestTarget target)
{
    public const string PreferNonIndexed = "HonorNonIndexedQueriesWarningMayFailRandomly";

    public GraphEmulator Emulator { get; } = emulator;

    public EmulatorRequest Request { get; } = request;

    public RequestTarget Target { get; } = target;

    public EmulatorOptions Options => Emulator.Options;

    public DateTimeOffset Now => Emulator.Now;

    /// <summary>
    /// Who is calling: the token's user (delegated, <c>scp</c>) or app (<c>roles</c>) when a JWT is sent, else
    /// <see cref="GraphEmulator.Caller"/>. A user's lookup id comes from the site's User Information List when known.
    /// </summary>
    public Actor Caller
    {
        get
        {
            if (Auth.PermissionCheck.Claims(Request.Header("Authorization")) is not { } claims)
            {
                return Emulator.Caller;
            }
            string? Claim(string name) => claims[name] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (Claim("scp") is not null && Claim("oid") is { } oid)
            {
                var upn = Claim("upn") ?? Claim("preferred_username");
                var lookupId = Emulator.Sites.SelectMany(s => s.UserInformation)
                    .FirstOrDefault(u => string.Equals(u.Value, upn, StringComparison.OrdinalIgnoreCase)).Key;
                return new Actor(oid, Claim("name") ?? upn ?? oid, IsApplication: false, lookupId, upn);
            }
            var appId = Claim("appid") ?? Claim("azp");
            return appId is null || appId == Emulator.Caller.Id
                ? Emulator.Caller
                : new Actor(appId, Claim("app_displayname") ?? appId, IsApplication: true, Emulator.Caller.LookupId);
        }
    }

    public string Method => Request.Method.ToUpperInvariant();

    /// <summary>Decoded path segments below <c>/v1.0</c>.</summary>
    public IReadOnlyList<string> Path => [.. Target.Segments.Skip(1)];

    public bool PrefersNonIndexedQueries =>
        Request.Header("Prefer")?.Contains(PreferNonIndexed, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>An absolute link on the caller's own origin: <c>{origin}/v1.0/{segments}?{options}</c> (§10.1).</summary>
    public string Link(IEnumerable<KeyValuePair<string, string>> options, string? lastSegment = null)
    {
        var segments = lastSegment is null ? Path : [.. Path.SkipLast(1), lastSegment];
        var path = string.Join('/', segments.Select(s => Uri.EscapeDataString(s).Replace("%28", "(", StringComparison.Ordinal).Replace("%29", ")", StringComparison.Ordinal)));
        var query = RequestTarget.EncodeQuery(options);
        return $"{Request.Origin}{GraphEmulator.VersionRoot}/{path}" + (query.Length == 0 ? "" : "?" + query);
    }

    public GraphException Unsupported() => GraphException.Unsupported(Method, Target.DecodedPath);
}
