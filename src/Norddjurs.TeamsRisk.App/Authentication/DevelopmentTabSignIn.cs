using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Norddjurs.TeamsRisk.App.Endpoints;
using Norddjurs.TeamsRisk.App.Hosting;
using Norddjurs.TeamsRisk.App.Identity;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Identity;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>
/// Development only (<c>Auth:AllowDevelopmentSignIn</c>, which start-up refuses elsewhere): a page listing the seeded
/// people and a form that signs in as one. Mapped only where it is allowed, so anywhere else the URL is a plain 404.
/// </summary>
internal static class DevelopmentTabSignIn
{
    public static IEndpointRouteBuilder MapDevelopmentTabSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(TabRoutes.DevelopmentSignIn, ListAsync).AllowAnonymous();
        app.MapPost(TabRoutes.DevelopmentSignIn, SignInAsync).AllowAnonymous();
        return app;
    }

    private static async Task<RazorComponentResult<DevSignInPage>> ListAsync(HttpRequest request, string? returnUrl, SeededDirectory seeded, RoleResolver roles, CancellationToken cancellationToken)
    {
        var people = new List<DevPerson>();
        foreach (var user in seeded.Users.OrderBy(u => u.DisplayName, StringComparer.Ordinal))
        {
            var global = await roles.GlobalRolesAsync(Actor.Of(user.TenantId, user.ObjectId, user.DisplayName), cancellationToken);
            people.Add(new DevPerson(user.ObjectId, user.DisplayName, user.Upn, [.. global.Order().Select(r => r.Id())]));
        }

        return new RazorComponentResult<DevSignInPage>(new Dictionary<string, object?>
        {
            [nameof(DevSignInPage.People)] = people,
            [nameof(DevSignInPage.ReturnUrl)] = ReturnUrl.Of(returnUrl),
            [nameof(DevSignInPage.Language)] = ApiLanguage.Of(request),
        });
    }

    /// <summary>A form post: Blazor's antiforgery token is required (the page renders it), so another site cannot sign a browser in.</summary>
    private static async Task<Results<RedirectHttpResult, NotFound>> SignInAsync(
        HttpContext http, [FromForm] string objectId, [FromForm] string? returnUrl, SeededDirectory seeded, CancellationToken cancellationToken)
    {
        var user = await seeded.FindUserAsync(objectId, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        await http.SignInAsync(TabSchemes.Cookie, TabPrincipal.FromDirectory(user, null));
        return TypedResults.LocalRedirect(ReturnUrl.Of(returnUrl));
    }
}
