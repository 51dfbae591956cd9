using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Authentication;
using Norddjurs.TeamsRisk.Tab.Shell;

namespace Norddjurs.TeamsRisk.App.Hosting;

/// <summary>
/// The Teams tab (issue 9): the Tab's Razor components, interactive on the server (design.md §11), behind the tab's
/// cookie; Fluent UI and the static assets; the sign-in endpoints. An anonymous request for a page is sent to the
/// sign-in page before any circuit starts, and the circuit's hub needs the same cookie.
/// </summary>
internal static class TabHosting
{
    public static IServiceCollection AddTab(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();

        // After AddInteractiveServerComponents, so the circuit gets this provider: a circuit ends its sign-in with the cookie.
        services.AddScoped<AuthenticationStateProvider, TabCircuitAuthentication>();
        services.AddTeamsRiskTab();

        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>, TabCookieSetup>();
        var authentication = services.AddAuthentication().AddCookie(TabSchemes.Cookie);
        if (BrowserSignInConfigured(configuration))
        {
            services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, BrowserSignInSetup>();
            authentication.AddOpenIdConnect(TabSchemes.Browser, _ => { });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(TabSchemes.SignedInPolicy, policy => policy
                .AddAuthenticationSchemes(TabSchemes.Cookie)
                .RequireAuthenticatedUser()
                .RequireClaim(ActorClaims.ObjectId)
                .RequireClaim(ActorClaims.TenantId));

        // Antiforgery stays as ASP.NET sets it (SameSite=Strict): the only static form is the Development sign-in, outside
        // Teams; the pages inside the Teams iframe are interactive, and the circuit needs no antiforgery cookie.
        return services;
    }

    public static WebApplication MapTab(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var development = DevelopmentSignInHandler.IsAllowed(app.Environment, auth);
        app.MapStaticAssets();
        app.MapRazorComponents<Tab.Shell.App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(TabSchemes.SignedInPolicy);
        app.MapTabSignIn(BrowserSignInConfigured(app.Configuration), development);
        if (development)
        {
            app.MapDevelopmentTabSignIn();
        }

        return app;
    }

    /// <summary>The browser sign-in redeems its code as a confidential client, so it is on only with a client id and secret.</summary>
    private static bool BrowserSignInConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Auth:ClientId"]) && !string.IsNullOrWhiteSpace(configuration["Auth:ClientSecret"]);
}
