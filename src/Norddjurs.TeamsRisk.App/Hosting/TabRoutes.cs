namespace Norddjurs.TeamsRisk.App.Hosting;

/// <summary>
/// The tab's fixed URLs: the Teams manifest points at the first three, so they never change. The Tab's pages carry
/// the same paths in their <c>@page</c> directives (a test holds the two together).
/// </summary>
public static class TabRoutes
{
    /// <summary>The personal tab's entry: My assessments, and the other pages the user's roles allow.</summary>
    public const string Personal = "/tab/personal";

    /// <summary>The committee channel tab's configuration page, which Teams opens when the tab is added.</summary>
    public const string Config = "/tab/config";

    /// <summary>The committee channel tab's content.</summary>
    public const string Committee = "/tab/committee";

    /// <summary>The paths the Teams manifest may name (asserted in Manifest.Tests).</summary>
    public static IReadOnlyList<string> InManifest { get; } = [Personal, Config, Committee];

    /// <summary>The coordinator's method and event-catalogue versions (linked from the coordinator's page).</summary>
    public const string CoordinatorMethod = "/tab/coordinator/method";

    /// <summary>Where a request without the tab's cookie is sent: Teams SSO inside Teams, a browser sign-in outside.</summary>
    public const string SignIn = "/tab/signin";

    /// <summary>POST a Teams SSO token here to get the tab's cookie.</summary>
    public const string Session = "/tab/session";

    /// <summary>Outside Teams: the OpenID Connect sign-in with the same app registration.</summary>
    public const string BrowserSignIn = "/tab/signin/browser";

    public const string SignOut = "/tab/signout";

    /// <summary>Development only (<c>Auth:AllowDevelopmentSignIn</c>); not mapped anywhere else.</summary>
    public const string DevelopmentSignIn = "/tab/dev-signin";
}
