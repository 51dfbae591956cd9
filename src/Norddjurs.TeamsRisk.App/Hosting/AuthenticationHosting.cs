using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Norddjurs.TeamsRisk.App.Authentication;

namespace Norddjurs.TeamsRisk.App.Hosting;

internal static class AuthenticationHosting
{
    /// <summary>Entra ID bearer tokens for <c>/api/*</c>, plus the Development sign-in when allowed; settings checked at start-up.</summary>
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidation>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, EntraBearerOptionsSetup>();

        // No default authenticate scheme: /api/* authenticates through its policy, and /api/messages checks the Bot
        // Framework token itself (BotProtocol). A default would run the Entra handler on every bot request as well,
        // only to refuse that token (a second RS256 check and an exception per activity).
        services.AddAuthentication(options =>
            {
                options.DefaultChallengeScheme = ApiSchemes.Api;
                options.DefaultForbidScheme = ApiSchemes.Api;
            })
            .AddPolicyScheme(ApiSchemes.Api, null, options => options.ForwardDefaultSelector = SchemeFor)
            .AddJwtBearer(ApiSchemes.Bearer)
            .AddScheme<AuthenticationSchemeOptions, DevelopmentSignInHandler>(ApiSchemes.DevelopmentSignIn, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiSchemes.SignedInPolicy, policy => policy
                .AddAuthenticationSchemes(ApiSchemes.Api)
                .RequireAuthenticatedUser()
                .RequireClaim(ActorClaims.ObjectId)
                .RequireClaim(ActorClaims.TenantId));
        return services;
    }

    /// <summary>
    /// The dev header is heeded only where the Development sign-in is allowed; the tab's cookie only for the downloads
    /// the tab links to; everywhere else only a token counts.
    /// </summary>
    private static string SchemeFor(HttpContext context)
    {
        var services = context.RequestServices;
        var allowed = DevelopmentSignInHandler.IsAllowed(services.GetRequiredService<IHostEnvironment>(), services.GetRequiredService<IOptions<AuthOptions>>().Value);
        if (allowed && context.Request.Headers.ContainsKey(ApiSchemes.DevelopmentUserHeader))
        {
            return ApiSchemes.DevelopmentSignIn;
        }

        return IsTabDownload(context.Request) ? TabSchemes.Cookie : ApiSchemes.Bearer;
    }

    /// <summary>
    /// The audit page links to the exports; a browser following a link sends the tab's cookie, never a bearer token, so
    /// those GETs (read-only; the endpoints still check the role) are read with the cookie when no token is given.
    /// </summary>
    private static bool IsTabDownload(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Headers.ContainsKey(HeaderNames.Authorization)
        && request.Cookies.ContainsKey(TabSchemes.CookieName)
        && !IsCrossSite(request)
        && (request.Path.StartsWithSegments("/api/exports", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/api/audit/export", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The cookie is SameSite=None (it must work in the Teams iframe), so another site could make a signed-in browser
    /// fetch an export: it could not read the file, but each fetch would write an ExportGenerated entry. Browsers say
    /// where a request comes from (Fetch Metadata); only our own pages' links (same-origin) or a typed URL (none) count.
    /// </summary>
    private static bool IsCrossSite(HttpRequest request) =>
        request.Headers.TryGetValue("Sec-Fetch-Site", out var site)
        && !string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(site, "none", StringComparison.OrdinalIgnoreCase);
}
