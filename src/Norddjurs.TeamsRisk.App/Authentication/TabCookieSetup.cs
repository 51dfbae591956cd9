using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Hosting;

namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>
/// The tab's cookie. Teams shows the tab in an iframe of another site, so the cookie is <c>SameSite=None; Secure</c>
/// (and <c>Partitioned</c>, which browsers that block third-party cookies still send within Teams); HttpOnly, short
/// and sliding: the Teams token it came from is short-lived too, and the page gets a fresh one when it lapses.
/// </summary>
internal sealed class TabCookieSetup(TimeProvider time) : IConfigureNamedOptions<CookieAuthenticationOptions>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != TabSchemes.Cookie)
        {
            return;
        }

        options.Cookie.Name = TabSchemes.CookieName;
        options.Cookie.SameSite = SameSiteMode.None;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.HttpOnly = true;
        options.Cookie.Path = "/";
        options.Cookie.Extensions.Add("Partitioned");
        options.ExpireTimeSpan = Lifetime;
        options.SlidingExpiration = true;
        options.TimeProvider = time;
        options.LoginPath = TabRoutes.SignIn;
        options.AccessDeniedPath = TabRoutes.SignIn;
        options.ReturnUrlParameter = "returnUrl";
        options.Events.OnValidatePrincipal = TabSessionExpiry.StampAsync;
    }

    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);
}
