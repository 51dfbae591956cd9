using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>
/// Validates Entra ID v2 access tokens for the configured tenant: RS256 signature by a key from the tenant's
/// OpenID metadata, the v2 issuer, the API's audience, the <c>tid</c> claim and the lifetime with a small skew.
/// Explicit parameters rather than Microsoft.Identity.Web, so every rule is visible here and a loopback test issuer
/// is just another instance.
/// </summary>
internal sealed class EntraBearerOptionsSetup(IOptions<AuthOptions> auth, TimeProvider time) : IConfigureNamedOptions<JwtBearerOptions>
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public void Configure(string? name, JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != ApiSchemes.Bearer)
        {
            return;
        }

        var settings = auth.Value;
        options.MapInboundClaims = false;
        options.TimeProvider = time;
        options.MetadataAddress = settings.Issuer + "/.well-known/openid-configuration";
        options.RequireHttpsMetadata = settings.Instance.Scheme == Uri.UriSchemeHttps;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = settings.Issuer,
            ValidateAudience = true,
            ValidAudiences = settings.ValidAudiences,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = (notBefore, expires, _, _) => TokenLifetime.IsValid(notBefore, expires, time.GetUtcNow(), ClockSkew),
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            // Entra signs access tokens with RS256; anything else (none, HS256 with a guessed key) is refused.
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            NameClaimType = ActorClaims.Name,
            RoleClaimType = ActorClaims.Roles,
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                // The issuer names the tenant too, but tid is what the rest of the app reads (design.md §4).
                if (!EntraIds.Same(context.Principal?.FindFirstValue(ActorClaims.TenantId), settings.TenantId))
                {
                    context.Fail("The token's tid is not Auth:TenantId.");
                }

                return Task.CompletedTask;
            },
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
