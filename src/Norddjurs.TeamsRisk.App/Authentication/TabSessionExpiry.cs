using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>
/// When the tab's cookie lapses, as a claim on the principal of each request that carried it. A Blazor circuit keeps the
/// principal of the request that opened it and makes no further requests, so without this it would outlive the cookie
/// (and the Teams token behind it) for as long as the page stays open; <see cref="TabCircuitAuthentication"/> reads it.
/// </summary>
internal static class TabSessionExpiry
{
    public const string Claim = "tab_session_expires";

    /// <summary>The cookie handler's validation event: stamps this request's principal with the cookie's expiry.</summary>
    public static Task StampAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal?.Identity is ClaimsIdentity identity && context.Properties.ExpiresUtc is { } expires)
        {
            foreach (var earlier in identity.FindAll(Claim).ToList())
            {
                identity.RemoveClaim(earlier);
            }

            identity.AddClaim(new Claim(Claim, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }

        return Task.CompletedTask;
    }

    /// <summary>True while the cookie the principal came with is unexpired; a principal without the stamp did not come through the cookie.</summary>
    public static bool IsCurrent(ClaimsPrincipal user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(Claim)?.Value is { } value
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && DateTimeOffset.FromUnixTimeSeconds(seconds) > now;
    }
}
