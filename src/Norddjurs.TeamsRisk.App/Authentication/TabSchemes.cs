namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>The tab's authentication: a cookie, got by exchanging a Teams SSO token or by the browser sign-in.</summary>
internal static class TabSchemes
{
    public const string Cookie = "TabCookie";

    /// <summary>OpenID Connect against <c>Auth:Instance</c>/<c>Auth:TenantId</c>, for the tab opened outside Teams.</summary>
    public const string Browser = "TabBrowser";

    /// <summary>A person with a tenant and an object id, signed in with the tab's cookie.</summary>
    public const string SignedInPolicy = "TabSignedIn";

    /// <summary><c>__Host-</c>: Secure, path /, no domain, so no other site or sub-domain can set or read it.</summary>
    public const string CookieName = "__Host-teamsrisk-tab";
}
