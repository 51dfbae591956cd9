namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary><c>Bot:*</c> (design.md §10): the bot's app registration, the tenants it serves and its outbound credential.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The Azure Bot's Microsoft App ID; inbound tokens must carry it as <c>aud</c> (§2.2 step 4).</summary>
    public string? AppId { get; set; }

    /// <summary>The app registration's tenant (outbound token authority); served when <see cref="AllowedTenantIds"/> is empty.</summary>
    public string? TenantId { get; set; }

    /// <summary>Tenants whose conversations the bot serves (§2.2 step 8); everything else is refused with 403.</summary>
    public IList<string> AllowedTenantIds { get; } = [];

    /// <summary>Where the Bot Framework signing keys are published; tests point it at a loopback issuer.</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new(DefaultOpenIdMetadataUrl);

    /// <summary>Development only, with no credentials: accept header-less requests from loopback for a loopback serviceUrl (§2.6).</summary>
    public bool AllowUnauthenticatedLocalDevelopment { get; set; }

    public string? ClientSecret { get; set; }

    public string? CertificatePath { get; set; }

    public bool UseManagedIdentity { get; set; }

    /// <summary>The tenants served: <see cref="AllowedTenantIds"/>, or <see cref="TenantId"/> alone when none are listed.</summary>
    public IReadOnlyList<string> ServedTenantIds =>
        AllowedTenantIds.Count > 0
            ? AllowedTenantIds.Where(t => !string.IsNullOrWhiteSpace(t)).ToList()
            : string.IsNullOrWhiteSpace(TenantId) ? [] : [TenantId];

    /// <summary>Which outbound credentials are set, by setting name.</summary>
    public IReadOnlyList<string> ConfiguredCredentials =>
        new (string Key, bool Set)[]
        {
            ("Bot:ClientSecret", !string.IsNullOrWhiteSpace(ClientSecret)),
            ("Bot:CertificatePath", !string.IsNullOrWhiteSpace(CertificatePath)),
            ("Bot:UseManagedIdentity", UseManagedIdentity),
        }.Where(c => c.Set).Select(c => c.Key).ToList();
}
