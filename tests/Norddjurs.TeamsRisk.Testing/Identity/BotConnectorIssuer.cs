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

namespace Norddjurs.TeamsRisk.Testing.Identity;

/// <summary>
/// A stand-in for login.botframework.com on loopback Kestrel (127.0.0.1, port 0): serves the OpenID metadata
/// (<c>/v1/.well-known/openidconfiguration</c>) and a JWKS whose one key is endorsed for <c>msteams</c>, and mints
/// RS256 tokens as the Bot Connector signs them (teams-bot-protocol.md §2.1: issuer <c>https://api.botframework.com</c>,
/// <c>aud</c> = the bot's app id, <c>serviceurl</c> = the activity's). Point the app's <c>Bot:OpenIdMetadataUrl</c> at
/// <see cref="MetadataUrl"/>. For rejected-token cases see BotProtocol.Tests' own issuer, which mints wrong ones on purpose.
/// </summary>
public sealed class BotConnectorIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";

    private static readonly string[] SigningAlgorithms = ["RS256"];
    private static readonly string[] AuthMethods = ["private_key_jwt"];

    private readonly WebApplication _server;

    private BotConnectorIssuer(WebApplication server, RsaSecurityKey signingKey, IReadOnlyList<string> endorsements)
    {
        _server = server;
        SigningKey = signingKey;
        Endorsements = endorsements;
    }

    /// <summary>The published key, endorsed for <see cref="Endorsements"/>.</summary>
    public RsaSecurityKey SigningKey { get; }

    public IReadOnlyList<string> Endorsements { get; }

    public Uri MetadataUrl { get; private set; } = null!;

    /// <param name="endorsements">The channels the key may sign for; <c>msteams</c> when none are given.</param>
    public static async Task<BotConnectorIssuer> StartAsync(IReadOnlyList<string>? endorsements = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var rsa = RSA.Create(2048);
        // The key id names this key (a new one every start), so an app that cached an earlier run's key fetches again.
        var keyId = "loopback-" + Convert.ToHexStringLower(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16];
        var issuer = new BotConnectorIssuer(builder.Build(), new RsaSecurityKey(rsa) { KeyId = keyId }, endorsements ?? ["msteams"]);
        issuer.MapMetadata();
        await issuer._server.StartAsync().ConfigureAwait(false);
        var address = issuer._server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        issuer.MetadataUrl = new Uri(address.TrimEnd('/') + "/v1/.well-known/openidconfiguration");
        return issuer;
    }

    /// <summary>A token for <paramref name="appId"/> and <paramref name="serviceUrl"/>, valid from five minutes before <paramref name="now"/> for an hour.</summary>
    public string Mint(string appId, string serviceUrl, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = appId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            NotBefore = now.AddMinutes(-5).UtcDateTime,
            Expires = now.AddMinutes(55).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
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
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
            ["token_endpoint_auth_methods_supported"] = AuthMethods,
        }));
        _server.MapGet("/v1/.well-known/keys", () =>
        {
            var parameters = SigningKey.Rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["kid"] = SigningKey.KeyId!,
                        ["x5t"] = SigningKey.KeyId!,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                        ["endorsements"] = Endorsements,
                    },
                },
            });
        });
    }
}
