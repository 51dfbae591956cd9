using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>
/// teams-bot-protocol.md §2.2, steps 1–8, in order, without ASP.NET's authentication middleware: the steps after the
/// signature need the parsed activity (endorsed channel, <c>serviceurl</c>, tenant), so one class runs them all.
/// 401 for steps 1–4 and 6, 403 for 5, 7 and 8. Reasons go to the log, never into the response; the token is never logged.
/// </summary>
public sealed class BotRequestAuthenticator(
    IOptions<BotOptions> options,
    BotSigningKeySource signingKeys,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<BotRequestAuthenticator> logger)
{
    /// <summary>The only issuer accepted on channel traffic (§2.4: Entra-issued tokens are not accepted for now).</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly JsonWebTokenHandler TokenHandler = new() { MapInboundClaims = false };

    /// <summary>Authenticates a request that has no Development exception (the production path).</summary>
    public Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
        AuthenticateAsync(authorizationHeader, activity, remoteAddress: null, cancellationToken);

    /// <summary>As above; <paramref name="remoteAddress"/> lets a header-less loopback request through in Development (§2.6).</summary>
    public async Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var settings = options.Value;
        if (string.IsNullOrEmpty(authorizationHeader) && LocalDevelopmentAccess.Allows(settings, environment, activity, remoteAddress))
        {
            logger.AnonymousDevelopmentRequest(activity.Type, activity.Id);
            return ConversationGate.Check(settings, activity, appId: null);
        }

        // Step 1: one bearer token.
        if (BearerToken.From(authorizationHeader) is not { } raw)
        {
            return new BotAuthenticationResult.Unauthorized("No single Bearer token in the Authorization header.");
        }

        // Step 2: decode without validating; refuse a foreign issuer before any key lookup.
        if (!TokenHandler.CanReadToken(raw))
        {
            return new BotAuthenticationResult.Unauthorized("The bearer token is not a JWT.");
        }

        JsonWebToken token;
        try
        {
            token = TokenHandler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return new BotAuthenticationResult.Unauthorized("The bearer token is not a JWT.");
        }

        if (!string.Equals(token.Issuer, BotFrameworkIssuer, StringComparison.Ordinal))
        {
            return new BotAuthenticationResult.Unauthorized("The token's issuer is not the Bot Framework.");
        }

        // Steps 3 and 4: RS256 by a published key, issuer and audience; then the lifetime against our clock.
        var signature = await ValidateSignatureAsync(raw, token, settings, cancellationToken).ConfigureAwait(false);
        if (signature.Failure is { } failure)
        {
            return failure;
        }

        if (BotTokenLifetime.Failure(token, time.GetUtcNow(), ClockSkew) is { } lifetimeFailure)
        {
            return new BotAuthenticationResult.Unauthorized(lifetimeFailure);
        }

        // Step 5: the key must be endorsed for the activity's channel.
        if (!signature.Key!.IsEndorsedFor(activity.ChannelId))
        {
            return new BotAuthenticationResult.Forbidden($"The signing key is not endorsed for channel '{activity.ChannelId}'.");
        }

        // Step 6: the token is bound to the serviceUrl replies will go to.
        if (!token.TryGetPayloadValue<string>("serviceurl", out var serviceUrlClaim) || string.IsNullOrEmpty(serviceUrlClaim))
        {
            return new BotAuthenticationResult.Unauthorized("The token has no serviceurl claim.");
        }

        if (!SameServiceUrl(serviceUrlClaim, activity.ServiceUrl))
        {
            return new BotAuthenticationResult.Unauthorized("The token's serviceurl claim is not the activity's serviceUrl.");
        }

        return ConversationGate.Check(settings, activity, settings.AppId);
    }

    /// <summary>Trailing slashes differ between Teams and the Playground (§7.1); otherwise ordinal, case-insensitive, whole string.</summary>
    internal static bool SameServiceUrl(string claim, string activityServiceUrl) =>
        string.Equals(claim.TrimEnd('/'), activityServiceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private async Task<(BotSigningKey? Key, BotAuthenticationResult? Failure)> ValidateSignatureAsync(
        string raw, JsonWebToken token, BotOptions settings, CancellationToken cancellationToken)
    {
        // Checked before the key lookup: "none" and HS256 (signed with the public key as an HMAC secret) never reach a key.
        if (!string.Equals(token.Alg, SecurityAlgorithms.RsaSha256, StringComparison.Ordinal))
        {
            return (null, new BotAuthenticationResult.Unauthorized($"Signing algorithm '{token.Alg}' is not accepted; only RS256 is."));
        }

        var keyId = string.IsNullOrEmpty(token.Kid) ? token.X5t : token.Kid;
        if (string.IsNullOrEmpty(keyId))
        {
            return (null, new BotAuthenticationResult.Unauthorized("The token names no signing key."));
        }

        if (string.IsNullOrEmpty(settings.AppId))
        {
            return (null, new BotAuthenticationResult.Unauthorized("Bot:AppId is not configured, so no token can be for this bot."));
        }

        var key = await signingKeys.FindAsync(keyId, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return (null, new BotAuthenticationResult.Unauthorized("The token's signing key is not in the Bot Framework key set."));
        }

        var appId = settings.AppId;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = BotFrameworkIssuer,
            ValidateIssuer = true,
            ValidAudience = appId,
            ValidateAudience = true,
            // Exact, ordinal: IdentityModel would otherwise forgive a trailing slash.
            AudienceValidator = (audiences, _, _) => audiences.Any(a => string.Equals(a, appId, StringComparison.Ordinal)),
            // Checked by BotTokenLifetime against the app's TimeProvider; IdentityModel reads the system clock.
            ValidateLifetime = false,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKey = key.Key,
            TryAllIssuerSigningKeys = false,
            ValidateIssuerSigningKey = false,
        };
        var result = await TokenHandler.ValidateTokenAsync(raw, parameters).ConfigureAwait(false);
        if (result.IsValid)
        {
            return (key, null);
        }

        var reason = result.Exception switch
        {
            SecurityTokenInvalidAudienceException => "The token's audience is not Bot:AppId.",
            SecurityTokenInvalidIssuerException => "The token's issuer is not the Bot Framework.",
            SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not accepted.",
            _ => "The token's signature is not valid.",
        };
        return (null, new BotAuthenticationResult.Unauthorized(reason));
    }
}
