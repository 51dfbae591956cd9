using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>
/// The Bot Framework signing keys with their endorsements, read from <c>Bot:OpenIdMetadataUrl</c> → <c>jwks_uri</c>
/// (teams-bot-protocol.md §2.1). Parsed here rather than through IdentityModel's configuration manager because the
/// endorsement check (§2.2 step 5) needs each key's <c>endorsements</c>. Cached; refreshed when older than
/// <see cref="RefreshAfter"/> or on an unknown <c>kid</c>, but never more than once per <see cref="MinimumFetchInterval"/>
/// so a flood of made-up key ids cannot hammer the endpoint.
/// </summary>
public sealed class BotSigningKeySource(HttpClient http, IOptions<BotOptions> options, TimeProvider time, ILogger<BotSigningKeySource> logger) : IDisposable
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromHours(12);

    public static readonly TimeSpan MinimumFetchInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _fetchGate = new(1, 1);
    private KeySet? _keys;
    private DateTimeOffset? _lastFetchAttempt;

    /// <summary>The key with this id, fetching the set when it is missing, stale or does not know the id (rate-limited).</summary>
    /// <exception cref="BotSigningKeysUnavailableException">No key set could ever be fetched.</exception>
    public async Task<BotSigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = Volatile.Read(ref _keys);
        if (keys is not null && keys.FetchedAt + RefreshAfter > time.GetUtcNow() && keys.Keys.TryGetValue(keyId, out var cached))
        {
            return cached;
        }

        keys = await FetchIfAllowedAsync(cancellationToken).ConfigureAwait(false);
        return keys.Keys.GetValueOrDefault(keyId);
    }

    public void Dispose() => _fetchGate.Dispose();

    private async Task<KeySet> FetchIfAllowedAsync(CancellationToken cancellationToken)
    {
        await _fetchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            if (_lastFetchAttempt is { } last && now - last < MinimumFetchInterval)
            {
                // Someone fetched moments ago (perhaps while we waited at the gate): use that answer.
                return _keys ?? throw new BotSigningKeysUnavailableException("The Bot Framework signing keys could not be fetched.");
            }

            _lastFetchAttempt = now;
            try
            {
                _keys = new KeySet(await FetchAsync(cancellationToken).ConfigureAwait(false), now);
                logger.SigningKeysFetched(_keys.Keys.Count);
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or ArgumentException or FormatException
                or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                logger.SigningKeysFetchFailed(e);
                if (_keys is null)
                {
                    throw new BotSigningKeysUnavailableException("The Bot Framework signing keys could not be fetched.", e);
                }
            }

            return _keys;
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    private async Task<Dictionary<string, BotSigningKey>> FetchAsync(CancellationToken cancellationToken)
    {
        var metadataUrl = options.Value.OpenIdMetadataUrl;
        using var metadata = await GetJsonAsync(metadataUrl, cancellationToken).ConfigureAwait(false);
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
            ? new Uri(uri.GetString()!, UriKind.Absolute)
            : throw new InvalidOperationException("The OpenID metadata has no jwks_uri.");
        if (jwksUri.Scheme != Uri.UriSchemeHttps && !(jwksUri.Scheme == Uri.UriSchemeHttp && jwksUri.IsLoopback && metadataUrl.IsLoopback))
        {
            throw new InvalidOperationException("The OpenID metadata's jwks_uri is not https.");
        }

        using var jwks = await GetJsonAsync(jwksUri, cancellationToken).ConfigureAwait(false);
        return ParseKeys(jwks.RootElement);
    }

    private async Task<JsonDocument> GetJsonAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>RSA signing keys with a <c>kid</c>; a key without <c>endorsements</c> is kept but endorses nothing.</summary>
    internal static Dictionary<string, BotSigningKey> ParseKeys(JsonElement jwks)
    {
        var keys = new Dictionary<string, BotSigningKey>(StringComparer.Ordinal);
        if (!jwks.TryGetProperty("keys", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException("The JWKS has no keys array.");
        }

        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object
                || String(element, "kty") != "RSA"
                || String(element, "kid") is not { Length: > 0 } keyId
                || String(element, "use") is { } use && use != "sig")
            {
                continue;
            }

            var endorsements = element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            keys[keyId] = new BotSigningKey(keyId, new JsonWebKey(element.GetRawText()), endorsements);
        }

        return keys;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record KeySet(Dictionary<string, BotSigningKey> Keys, DateTimeOffset FetchedAt);
}
