using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Norddjurs.TeamsRisk.App.Endpoints;
using Norddjurs.TeamsRisk.App.Hosting;
using Norddjurs.TeamsRisk.Tab.Identity;

namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>
/// The tab's sign-in: the page that gets a Teams SSO token (or offers the browser sign-in outside Teams), and the
/// exchange of that token for the tab's cookie. The token is validated by the API's own Entra bearer handler
/// (<see cref="EntraBearerOptionsSetup"/>: issuer, audience, tenant, signature, lifetime), so the tab accepts exactly
/// the tokens the API accepts.
/// </summary>
internal static class TabSessionEndpoints
{
    public static IEndpointRouteBuilder MapTabSignIn(this IEndpointRouteBuilder app, bool browserSignIn, bool developmentSignIn)
    {
        app.MapGet(TabRoutes.SignIn, (HttpRequest request, string? returnUrl) =>
            new RazorComponentResult<SignInPage>(new Dictionary<string, object?>
            {
                [nameof(SignInPage.ReturnUrl)] = ReturnUrl.Of(returnUrl),
                [nameof(SignInPage.Language)] = ApiLanguage.Of(request),
                [nameof(SignInPage.BrowserSignIn)] = browserSignIn,
                [nameof(SignInPage.DevelopmentSignIn)] = developmentSignIn,
            })).AllowAnonymous();
        app.MapPost(TabRoutes.Session, ExchangeAsync).AllowAnonymous().DisableAntiforgery();
        if (browserSignIn)
        {
            app.MapGet(TabRoutes.BrowserSignIn, (string? returnUrl) =>
                TypedResults.Challenge(new AuthenticationProperties { RedirectUri = ReturnUrl.Of(returnUrl) }, [TabSchemes.Browser])).AllowAnonymous();
        }

        return app;
    }

    /// <summary>
    /// <c>Authorization: Bearer {Teams SSO token}</c>, optionally <c>?locale=</c> from the Teams context. 204 with the
    /// cookie, or 401 and no cookie. Not a form, and it needs the token, so a cross-site page cannot use it.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ExchangeAsync(HttpContext http, string? locale)
    {
        var result = await http.AuthenticateAsync(ApiSchemes.Bearer);
        if (!result.Succeeded || !result.Principal.TryGetActor(out _))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: ApiTexts.Get("api.unauthenticated", ApiLanguage.Of(http.Request)));
        }

        await http.SignInAsync(TabSchemes.Cookie, TabPrincipal.FromToken(result.Principal, locale));
        return TypedResults.NoContent();
    }
}
