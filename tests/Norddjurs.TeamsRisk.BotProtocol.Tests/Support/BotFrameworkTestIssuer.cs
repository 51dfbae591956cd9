using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Support;

/// <summary>
/// A stand-in for login.botframework.com on loopback (Kestrel, 127.0.0.1, port 0): serves the OpenID metadata and a
/// JWKS whose keys carry <c>endorsements</c>, counts JWKS fetches, and mints tokens as the Bot Connector does (§2.1) —
/// or wrong on purpose, one part at a time — so the real authenticator validates them.
/// </summary>
public sealed class BotFrameworkTestIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";

    private readonly WebApplication _server;
    private int _keySetFetches;

    private BotFrameworkTestIssuer(WebApplication server) => _server = server;

    /// <summary>Endorsed for <c>msteams</c>, the key Teams traffic is signed with.</summary>
    public RsaSecurityKey TeamsKey { get; } = NewKey("teams-key");

    /// <summary>Published, but endorsed only for <c>webchat</c>.</summary>
    public RsaSecurityKey WebChatKey { get; } = NewKey("webchat-key");

    /// <summary>Published without an <c>endorsements</c> member.</summary>
    public RsaSecurityKey UnendorsedKey { get; } = NewKey("unendorsed-key");

    public Uri MetadataUrl { get; private set; } = null!;

    public int KeySetFetches => Volatile.Read(ref _keySetFetches);

    public static async Task<BotFrameworkTestIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var issuer = new BotFrameworkTestIssuer(builder.Build());
        issuer.MapMetadata();
        await issuer._server.StartAsync().ConfigureAwait(false);
        var address = issuer._server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        issuer.MetadataUrl = new Uri(address.TrimEnd('/') + "/v1/.well-known/openidconfiguration");
        return issuer;
    }

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    public string Mint(BotTestToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var claims = new Dictionary<string, object>();
        if (token.ServiceUrl is not null)
        {
            claims["serviceurl"] = token.ServiceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = token.Issuer,
            Audience = token.Audience,
            Claims = claims,
            NotBefore = token.NotBefore.UtcDateTime,
            Expires = token.Expires?.UtcDateTime,
            SigningCredentials = token.Signing switch
            {
                BotTokenSigning.TeamsKey => new SigningCredentials(TeamsKey, SecurityAlgorithms.RsaSha256),
                BotTokenSigning.WebChatKey => new SigningCredentials(WebChatKey, SecurityAlgorithms.RsaSha256),
                BotTokenSigning.UnendorsedKey => new SigningCredentials(UnendorsedKey, SecurityAlgorithms.RsaSha256),
                BotTokenSigning.UnknownKey => new SigningCredentials(NewKey("someone-elses-key"), SecurityAlgorithms.RsaSha256),
                // The classic algorithm confusion: the published public key used as an HMAC secret, under the real kid.
                BotTokenSigning.Hs256WithPublicKey => new SigningCredentials(
                    new SymmetricSecurityKey(TeamsKey.Rsa.ExportSubjectPublicKeyInfo()) { KeyId = TeamsKey.KeyId }, SecurityAlgorithms.HmacSha256),
                BotTokenSigning.AlgNone => null,
                _ => throw new ArgumentOutOfRangeException(nameof(token)),
            },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
    }

    private void MapMetadata()
    {
        _server.MapGet("/v1/.well-known/openidconfiguration", (HttpRequest request) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        _server.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref _keySetFetches);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[] { Jwk(TeamsKey, ["msteams"]), Jwk(WebChatKey, ["webchat"]), Jwk(UnendorsedKey, null) },
            });
        });
    }

    private static Dictionary<string, object> Jwk(RsaSecurityKey key, string[]? endorsements)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["x5t"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = endorsements;
        }

        return jwk;
    }
}

public enum BotTokenSigning
{
    TeamsKey,
    WebChatKey,
    UnendorsedKey,
    UnknownKey,
    Hs256WithPublicKey,
    AlgNone,
}

/// <summary>A Bot Connector token; every part can be set wrong on purpose (a null <see cref="Expires"/> leaves <c>exp</c> out).</summary>
public sealed record BotTestToken(DateTimeOffset NotBefore, DateTimeOffset? Expires)
{
    public string Issuer { get; init; } = BotFrameworkTestIssuer.Issuer;

    public string Audience { get; init; } = Payloads.BotAppId;

    /// <summary>Null leaves the claim out.</summary>
    public string? ServiceUrl { get; init; } = Payloads.ServiceUrl;

    public BotTokenSigning Signing { get; init; } = BotTokenSigning.TeamsKey;

    /// <summary>Valid for an hour around <paramref name="now"/>, as the connector issues them.</summary>
    public static BotTestToken ValidAt(DateTimeOffset now) => new(now.AddMinutes(-5), now.AddMinutes(55));
}
