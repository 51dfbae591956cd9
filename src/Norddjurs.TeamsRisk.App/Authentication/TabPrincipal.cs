using System.Security.Claims;
using Norddjurs.TeamsRisk.Tab.Shell;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>
/// The principal the tab's cookie carries: only the claims that identify the person (design.md §4) and their app
/// roles, copied from the validated token or the directory, plus the Teams locale for the language (§9).
/// </summary>
internal static class TabPrincipal
{
    public static ClaimsPrincipal FromToken(ClaimsPrincipal token, string? locale)
    {
        var kept = token.Claims.Where(c => c.Type is ActorClaims.ObjectId or ActorClaims.TenantId or ActorClaims.Name or ActorClaims.Username or ActorClaims.Roles);
        return Build(kept, locale);
    }

    public static ClaimsPrincipal FromDirectory(DirectoryUser user, string? locale) =>
        Build(
            [
                new Claim(ActorClaims.ObjectId, user.ObjectId),
                new Claim(ActorClaims.TenantId, user.TenantId),
                new Claim(ActorClaims.Name, user.DisplayName),
                new Claim(ActorClaims.Username, user.Upn),
            ],
            locale ?? user.PreferredLanguage);

    private static ClaimsPrincipal Build(IEnumerable<Claim> claims, string? locale)
    {
        var list = claims.Select(c => new Claim(c.Type, c.Value)).ToList();
        if (!string.IsNullOrWhiteSpace(locale) && locale.Length <= 35)
        {
            list.Add(new Claim(TabClaims.Locale, locale));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(list, TabSchemes.Cookie, ActorClaims.Name, ActorClaims.Roles));
    }
}
