using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>
/// The tab outside Teams: OpenID Connect authorization code flow (with PKCE) against the same app registration and
/// tenant as the tokens (<c>Auth:*</c>); the confidential client redeems the code with <c>Auth:ClientSecret</c>. The
/// id token's claims (oid, tid, name, roles) become the tab's cookie, the same shape the Teams exchange gives.
/// </summary>
internal sealed class BrowserSignInSetup(IOptions<AuthOptions> auth) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(string? name, OpenIdConnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != TabSchemes.Browser)
        {
            return;
        }

        var settings = auth.Value;
        options.SignInScheme = TabSchemes.Cookie;
        options.Authority = settings.Issuer;
        options.RequireHttpsMetadata = settings.Instance.Scheme == Uri.UriSchemeHttps;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.CallbackPath = "/tab/signin/callback";
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.ClientId,
            NameClaimType = ActorClaims.Name,
            RoleClaimType = ActorClaims.Roles,
        };
        options.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = context =>
            {
                if (!EntraIds.Same(context.Principal?.FindFirstValue(ActorClaims.TenantId), settings.TenantId))
                {
                    context.Fail("The id token's tid is not Auth:TenantId.");
                }

                return Task.CompletedTask;
            },
        };
    }

    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);
}
