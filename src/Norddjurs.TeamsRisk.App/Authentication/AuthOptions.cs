namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary><c>Auth:*</c> (design.md §10): Entra ID token validation for the tab and the API (Teams SSO).</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The Entra instance; tests point it at a loopback issuer.</summary>
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The API's Application ID URI; <c>api://{ClientId}</c> and the client id itself are accepted too.</summary>
    public string? Audience { get; set; }

    /// <summary>The confidential client's secret for the tab's browser sign-in outside Teams; without it that sign-in is off.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Development only: sign in as a seeded user with the <c>X-Dev-User</c> header. Refused at start-up elsewhere.</summary>
    public bool AllowDevelopmentSignIn { get; set; }

    /// <summary>The v2 issuer Entra writes into the tenant's tokens, e.g. <c>https://login.microsoftonline.com/{tid}/v2.0</c>.</summary>
    public string Issuer => $"{Instance.AbsoluteUri.TrimEnd('/')}/{TenantId}/v2.0";

    public IReadOnlyList<string> ValidAudiences =>
        new[] { Audience, $"api://{ClientId}", ClientId }.OfType<string>().Where(a => a.Length > 0 && a != "api://").Distinct(StringComparer.Ordinal).ToList();
}
