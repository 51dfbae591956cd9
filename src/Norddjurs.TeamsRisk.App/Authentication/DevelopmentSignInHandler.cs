using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>
/// Development sign-in (<c>Auth:AllowDevelopmentSignIn</c>): the header <c>X-Dev-User: {object id}</c> signs the
/// request in as that user of the directory, with the same claims a token would carry. Does nothing outside
/// Development or when the switch is off, even if a request reaches it.
/// </summary>
internal sealed class DevelopmentSignInHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth,
    IHostEnvironment environment,
    IDirectory directory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static bool IsAllowed(IHostEnvironment environment, AuthOptions auth) =>
        environment.IsDevelopment() && auth.AllowDevelopmentSignIn;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!IsAllowed(environment, auth.Value)
            || !Request.Headers.TryGetValue(ApiSchemes.DevelopmentUserHeader, out var values)
            || values.Count != 1
            || string.IsNullOrWhiteSpace(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var user = await directory.FindUserAsync(values[0]!.Trim(), Context.RequestAborted).ConfigureAwait(false);
        if (user is null)
        {
            return AuthenticateResult.Fail($"{ApiSchemes.DevelopmentUserHeader} names no user of the directory.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ActorClaims.ObjectId, user.ObjectId),
                new Claim(ActorClaims.TenantId, user.TenantId),
                new Claim(ActorClaims.Name, user.DisplayName),
                new Claim(ActorClaims.Username, user.Upn),
            ],
            Scheme.Name,
            ActorClaims.Name,
            ActorClaims.Roles);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
