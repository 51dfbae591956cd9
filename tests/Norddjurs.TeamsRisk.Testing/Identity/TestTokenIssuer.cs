using System.Net;
using System.Security.Claims;
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

namespace Norddjurs.TeamsRisk.Testing.Identity;

/// <summary>
/// A stand-in for Entra ID on loopback: serves <c>/{tenant}/v2.0/.well-known/openid-configuration</c> and the JWKS
/// from Kestrel on 127.0.0.1 (port 0), and mints RS256 access tokens with its key, so the app's real JwtBearer
/// pipeline validates them (style-examples.md §6). Point the app's <c>Auth:Instance</c> at <see cref="Instance"/>.
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    private static readonly string[] SigningAlgorithms = ["RS256"];

    private readonly WebApplication _server;

    private TestTokenIssuer(WebApplication server, Uri instance, RsaSecurityKey signingKey)
    {
        _server = server;
        Instance = instance;
        SigningKey = signingKey;
    }

    /// <summary>The key the metadata publishes.</summary>
    public RsaSecurityKey SigningKey { get; }

    /// <summary>Like <c>https://login.microsoftonline.com/</c>: the base the app puts the tenant and <c>/v2.0</c> on.</summary>
    public Uri Instance { get; }

    public static async Task<TestTokenIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var server = builder.Build();
        var signingKey = NewRsaKey("test-issuer-key");
        MapMetadata(server, signingKey);
        await server.StartAsync().ConfigureAwait(false);
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TestTokenIssuer(server, new Uri(address.TrimEnd('/') + "/"), signingKey);
    }

    public static RsaSecurityKey NewRsaKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>The v2 issuer for a tenant, as Entra writes it into tokens.</summary>
    public string IssuerFor(string tenantId) => $"{Instance.AbsoluteUri}{tenantId}/v2.0";

    /// <summary>Mints a token; every part can be set wrong on purpose through <paramref name="token"/>.</summary>
    public string Mint(TestToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var claims = new Dictionary<string, object>
        {
            ["oid"] = token.ObjectId,
            ["tid"] = token.TenantId,
            ["scp"] = "access_as_user",
            ["ver"] = "2.0",
        };
        if (token.Name is not null)
        {
            claims["name"] = token.Name;
        }

        if (token.AppRoles.Count > 0)
        {
            claims["roles"] = token.AppRoles.ToArray();
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = token.Issuer ?? IssuerFor(token.TenantId),
            Audience = token.Audience,
            Claims = claims,
            IssuedAt = token.NotBefore.UtcDateTime,
            NotBefore = token.NotBefore.UtcDateTime,
            Expires = token.Expires.UtcDateTime,
            SigningCredentials = token.Signing switch
            {
                TokenSigning.IssuerKey => new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
                TokenSigning.UnknownKey => new SigningCredentials(NewRsaKey("someone-elses-key"), SecurityAlgorithms.RsaSha256),
                TokenSigning.Hs256 => new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256),
                TokenSigning.None => null,
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

    /// <summary>Mapped before the server starts, so the addresses come from the request (the port is chosen at start).</summary>
    private static void MapMetadata(WebApplication server, RsaSecurityKey signingKey)
    {
        server.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant, HttpRequest request) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = $"{BaseOf(request)}{tenant}/v2.0",
            ["jwks_uri"] = $"{BaseOf(request)}{tenant}/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
            ["token_endpoint"] = $"{BaseOf(request)}{tenant}/oauth2/v2.0/token",
        }));
        server.MapGet("/{tenant}/discovery/v2.0/keys", () =>
        {
            var parameters = signingKey.Rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new
                    {
                        kty = "RSA",
                        use = "sig",
                        alg = "RS256",
                        kid = signingKey.KeyId,
                        n = Base64UrlEncoder.Encode(parameters.Modulus),
                        e = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });
    }

    private static string BaseOf(HttpRequest request) => $"{request.Scheme}://{request.Host}/";
}

public enum TokenSigning
{
    IssuerKey,
    UnknownKey,
    Hs256,
    None,
}

/// <summary>What goes into a minted token; defaults describe a valid token except tenant, person and audience.</summary>
public sealed record TestToken(string TenantId, string ObjectId, string Audience)
{
    public string? Name { get; init; }

    public IReadOnlyList<string> AppRoles { get; init; } = [];

    /// <summary>Null means the v2 issuer of <see cref="TenantId"/> at this issuer.</summary>
    public string? Issuer { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset Expires { get; init; }

    public TokenSigning Signing { get; init; } = TokenSigning.IssuerKey;
}
