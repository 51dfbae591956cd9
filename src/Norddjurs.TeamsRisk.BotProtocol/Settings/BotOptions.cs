namespace Norddjurs.TeamsRisk.BotProtocol;

/// <summary>
/// <c>Bot:*</c> (design.md §10), one set for both directions: the bot's app registration, the tenants it serves and the
/// inbound token rules (teams-bot-protocol.md §2), and the outbound credential, allow-list and pace of the connector (§3).
/// Checked once at start-up by <see cref="BotOptionsValidation"/>.
/// </summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The Azure Bot's Microsoft App ID: the <c>aud</c> of inbound tokens (§2.2 step 4) and the client id of the outbound token
    /// (or the user-assigned managed identity's client id).</summary>
    public string? AppId { get; set; }

    /// <summary>The app registration's tenant (outbound token authority); served when <see cref="AllowedTenantIds"/> is empty.</summary>
    public string? TenantId { get; set; }

    /// <summary>Tenants whose conversations the bot serves (§2.2 step 8); everything else is refused with 403.</summary>
    public IList<string> AllowedTenantIds { get; } = [];

    /// <summary>Where the Bot Framework signing keys are published; tests point it at a loopback issuer.</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new(DefaultOpenIdMetadataUrl);

    /// <summary>
    /// Development only, with no credentials (§2.6, §3.7): accept header-less requests from loopback for a loopback
    /// serviceUrl, and send to loopback service URLs (the Agents Playground's <c>/_connector</c>) over http without a token.
    /// Refused in any other environment.
    /// </summary>
    public bool AllowUnauthenticatedLocalDevelopment { get; set; }

    /// <summary>Client-credentials secret. Exactly one of this, <see cref="CertificatePath"/> and <see cref="UseManagedIdentity"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A PEM or PFX (no password) certificate registered on the app.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Use the user-assigned managed identity whose client id is <see cref="AppId"/>.</summary>
    public bool UseManagedIdentity { get; set; }

    /// <summary>Entra's login host; tests point it at a loopback token endpoint.</summary>
    public Uri TokenEndpointBase { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>
    /// Hosts that may receive the bot token: exact names or <c>*.suffix</c>. Empty means the defaults of
    /// <see cref="Outbound.ServiceUrlAllowList.DefaultHosts"/>; a non-empty list replaces them (e.g. for a government cloud).
    /// </summary>
    public IList<string> ServiceUrlAllowList { get; } = [];

    /// <summary>Pace of all connector calls of this app (§3.6: the tenant-wide limit is 50 RPS; we stay at 20).</summary>
    public int MaxRequestsPerSecond { get; set; } = 20;

    /// <summary>Attempts within one call for quick transient errors; what remains is returned as transient to the outbox.</summary>
    public int MaxAttemptsPerCall { get; set; } = 3;

    /// <summary>A retry waits in the call only when its delay is at most this; a longer wait goes back to the outbox.</summary>
    public TimeSpan MaxInCallRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>One HTTP attempt's time limit; on expiry the outcome is unknown, so it is transient.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

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
